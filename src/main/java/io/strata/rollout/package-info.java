/**
 * Environments and the rollouts that carry versions to them: promotion order, groups (shard fleets),
 * credentials references, tier policy.
 */
package io.strata.rollout;

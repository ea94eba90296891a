package io.strata.plan;

/**
 * PhaseKind names the deploys of an expand/contract migration (seed 001): {@code EXPAND} adds the new
 * shape while the running application keeps working, {@code MIGRATE} moves the data (batched
 * backfills), {@code CONTRACT} removes the old shape once no client uses it.
 */
public enum PhaseKind { EXPAND, MIGRATE, CONTRACT }

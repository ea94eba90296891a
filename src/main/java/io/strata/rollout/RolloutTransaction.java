package io.strata.rollout;

import io.strata.registry.RegistryTransaction;
import io.strata.rollout.drift.DriftRepository;

/**
 * A RolloutTransaction is one unit of work over the rollout engine's repositories and the registry's: a rollout
 * reads versions and writes the audit trail in the same transaction. A port the store implements.
 */
public interface RolloutTransaction extends RegistryTransaction {

    EnvironmentRepository environments();

    RolloutRepository rollouts();

    ApprovalRepository approvals();

    DriftRepository drift();

    ClientRepository clients();
}

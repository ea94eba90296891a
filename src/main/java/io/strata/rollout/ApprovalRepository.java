package io.strata.rollout;

import java.time.Instant;
import java.util.List;

/** An ApprovalRepository holds the approvals given to rollouts; a port the store implements. */
public interface ApprovalRepository {

    void insert(Approval approval);

    /** The approvals given to rollout {@code rollout}, voided ones included, oldest first. */
    List<Approval> of(long rollout);

    /** Voids every approval of {@code rollout} still standing; how many it voided. */
    int voidAll(long rollout, Instant at);
}

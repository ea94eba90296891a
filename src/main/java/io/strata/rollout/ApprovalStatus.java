package io.strata.rollout;

import java.util.List;

/**
 * An ApprovalStatus is where a rollout stands with its approvals: what its review asks, the tiers that need
 * approvals proved with a second factor, and every approval given (those a changed plan voided included).
 */
public record ApprovalStatus(long rollout, RolloutState state, String createdBy, Review review, List<String> secondFactorTiers,
                             List<Approval> approvals) {

    public ApprovalStatus {
        secondFactorTiers = List.copyOf(secondFactorTiers);
        approvals = List.copyOf(approvals);
    }

    /** Distinct approvers whose approval counts: the same person approving twice counts once. */
    public int approved() {
        return (int) approvals.stream().filter(a -> a.counts(review)).map(a -> a.person() == null ? a.approver() : a.person()).distinct().count();
    }

    public int missing() {
        return Math.max(0, review.requiredApprovals() - approved());
    }
}

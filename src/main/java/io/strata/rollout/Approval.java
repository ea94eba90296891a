package io.strata.rollout;

import java.time.Instant;

/**
 * An Approval is one person's yes to a rollout's plan: who, why, when, the checksum of the plan they approved,
 * and whether their login proved a second factor. It counts while the rollout's plan keeps that checksum and it
 * was not voided by a change of plan.
 *
 * @param approver what the audit trail calls the approver
 * @param person   who approved as a person ({@link Operator#person()}): one person's approvals count once
 * @param voidedAt when a changed plan voided it, or null while it stands
 */
public record Approval(long id, long rollout, String approver, String person, String comment, Instant approvedAt,
                       String planChecksum, boolean secondFactor, Instant voidedAt) {

    /** Whether it counts toward {@code review}: it stands, and approved the plan the review is for. */
    public boolean counts(Review review) {
        return voidedAt == null && planChecksum.equals(review.planChecksum());
    }
}

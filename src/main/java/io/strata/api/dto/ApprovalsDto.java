package io.strata.api.dto;

import io.strata.rollout.Approval;
import io.strata.rollout.ApprovalStatus;

import java.util.List;

/**
 * An ApprovalsDto is where a rollout stands with its approvals, as the API answers it: what its review asks, how
 * many count, and every approval given, those a changed plan voided included.
 *
 * @param secondFactorTiers the target tiers that count approvals only from an operator who proved a second factor
 * @param approved          distinct approvers whose approval counts
 */
public record ApprovalsDto(long rollout, String state, String createdBy, String risk, String planChecksum, int requiredApprovals,
                           int approved, int missing, List<String> secondFactorTiers, List<ApprovalDto> approvals) {

    /**
     * One approval.
     *
     * @param counts whether it counts: it approved the plan the rollout has now and was not voided
     */
    public record ApprovalDto(String approver, String comment, String approvedAt, String planChecksum, boolean secondFactor,
                              boolean counts, String voidedAt) {
    }

    public static ApprovalsDto of(ApprovalStatus s) {
        return new ApprovalsDto(s.rollout(), s.state().name(), s.createdBy(), s.review().risk().name(), s.review().planChecksum(),
                s.review().requiredApprovals(), s.approved(), s.missing(), s.secondFactorTiers(),
                s.approvals().stream().map(a -> approval(a, s)).toList());
    }

    private static ApprovalDto approval(Approval a, ApprovalStatus s) {
        return new ApprovalDto(a.approver(), a.comment(), a.approvedAt().toString(), a.planChecksum(), a.secondFactor(),
                a.counts(s.review()), a.voidedAt() == null ? null : a.voidedAt().toString());
    }
}

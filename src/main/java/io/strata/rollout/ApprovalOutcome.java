package io.strata.rollout;

/**
 * An ApprovalOutcome is the answer to an approval: whether it was recorded (false when the approver had already
 * approved the same plan, which counts once) and where the rollout stands now.
 */
public record ApprovalOutcome(boolean recorded, ApprovalStatus status) {
}

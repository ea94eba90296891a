package io.strata.rollout;

import java.util.Objects;

/**
 * A Review is what a rollout needs before it may start: the risk of its plan, the checksum of that plan (what
 * its approvals approve: a changed plan has another) and how many distinct approvals its targets ask for that
 * risk (the most any target's policy asks).
 *
 * @param planChecksum SHA-256 of the statements of the part rolled out; null for a rollout created before
 *                     rollouts were reviewed
 */
public record Review(Risk risk, String planChecksum, int requiredApprovals) {

    /** What a rollout created before rollouts were reviewed is taken to need: nothing, until its plan is checked again. */
    public static final Review NONE = new Review(Risk.LOW, null, 0);

    public Review {
        Objects.requireNonNull(risk, "risk");
    }
}

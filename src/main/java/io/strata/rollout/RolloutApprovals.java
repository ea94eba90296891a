package io.strata.rollout;

import io.strata.registry.AuditDetails;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RolloutApprovals is the four-eyes part of rollouts: approvals of a rollout waiting in PENDING_APPROVAL, each by
 * someone other than its creator, counted once per person, with a second factor where a target's tier asks for
 * one; the rollout becomes CREATED once it has as many as its review needs. When the plan checked again before
 * the rollout starts is not the one approved, the approvals are voided and the rollout waits again.
 */
final class RolloutApprovals {

    /** A comment longer than this is a document, which belongs elsewhere (a ticket, a pull request). */
    static final int MAX_COMMENT = 2000;

    private final RolloutStore store;

    RolloutApprovals(RolloutStore store) {
        this.store = store;
    }

    ApprovalOutcome approve(long id, String comment, Operator operator) {
        String text = comment(comment);
        return store.transaction(tx -> {
            tx.lockForWrite();
            Rollout r = tx.rollouts().get(id).orElseThrow(() -> Rollouts.notFound(id));
            if (r.state() != RolloutState.PENDING_APPROVAL) {
                throw Rollouts.conflict("rollout " + id + " is " + r.state() + " and waits for no approval"
                        + (r.state() == RolloutState.CREATED ? ": it has the approvals it needs, execute it" : ""));
            }
            if (operator.person().equals(r.author() == null ? r.createdBy() : r.author())) {
                throw new RolloutException(RolloutException.Reason.OWN_ROLLOUT, "rollout " + id + " was created by "
                        + r.createdBy() + ", who cannot approve it: its approvals must come from someone else");
            }
            List<Environment> targets = targets(tx, r);
            TargetPolicies.refuseUnlessReleaser(targets, operator, "approve rollout " + id + " to");
            List<String> secondFactor = TargetPolicies.secondFactorTiers(targets);
            if (!secondFactor.isEmpty() && !operator.secondFactor()) {
                throw new RolloutException(RolloutException.Reason.SECOND_FACTOR_REQUIRED, "tier " + String.join(", ", secondFactor)
                        + " counts only approvals proved with a second factor (e.g. an OIDC login with MFA); "
                        + operator.name() + " did not prove one", Map.of("tiers", secondFactor));
            }
            ApprovalStatus before = status(tx, r, targets);
            if (before.approvals().stream().anyMatch(a -> a.counts(r.review())
                    && operator.person().equals(a.person() == null ? a.approver() : a.person()))) {
                return new ApprovalOutcome(false, before);
            }
            tx.approvals().insert(new Approval(tx.nextRowId(), id, operator.name(), operator.person(), text, Instant.now(), r.review().planChecksum(),
                    operator.secondFactor(), null));
            ApprovalStatus after = status(tx, r, targets);
            tx.audit().append(operator.name(), "rollout.approved", "rollout/" + id, null, r.review().planChecksum(),
                    AuditDetails.of("comment", text, "secondFactor", operator.secondFactor(), "risk", r.review().risk().name(),
                            "approved", after.approved(), "required", r.review().requiredApprovals()));
            if (after.missing() == 0) {
                tx.rollouts().setState(id, RolloutState.CREATED, "approved by " + String.join(", ", approvers(after)));
            } else {
                tx.rollouts().setState(id, RolloutState.PENDING_APPROVAL, waiting(r.review(), after.approved(), targets));
            }
            return new ApprovalOutcome(true, status(tx, tx.rollouts().get(id).orElseThrow(), targets));
        });
    }

    ApprovalStatus status(long id) {
        return store.transaction(tx -> {
            Rollout r = tx.rollouts().get(id).orElseThrow(() -> Rollouts.notFound(id));
            return status(tx, r, targets(tx, r));
        });
    }

    /**
     * Refuses to start rollout {@code r} while its review asks for more approvals than count: in PENDING_APPROVAL,
     * or never started with approvals missing. Called under the write lock, just before it starts.
     */
    void refuseUnapproved(RolloutTransaction tx, Rollout r) {
        ApprovalStatus status = status(tx, r, targets(tx, r));
        if (r.state() == RolloutState.PENDING_APPROVAL || status.missing() > 0) {
            throw new RolloutException(RolloutException.Reason.APPROVALS_MISSING, "rollout " + r.id() + " waits for approvals: "
                    + status.missing() + " missing (" + status.approved() + " of " + r.review().requiredApprovals() + " given, for its "
                    + r.review().risk() + " risk); someone other than " + r.createdBy() + " must approve it before it runs",
                    Map.of("required", r.review().requiredApprovals(), "approved", status.approved(), "missing", status.missing()));
        }
    }

    /**
     * Takes the plan {@code checked} again before rollout {@code r} started, whose checksum is not the one reviewed:
     * keeps the new preflight and review, voids the approvals given so far, and, when the new review asks for
     * approvals, puts the rollout back to PENDING_APPROVAL and refuses to start it (PLAN_CHANGED), once that is
     * committed. Nothing happens when someone else moved the rollout meanwhile: starting it decides again.
     */
    void revise(Rollout r, RolloutPreflight.Checked checked, List<Environment> targets, Operator operator) {
        Review review = TargetPolicies.review(checked, targets);
        Integer voided = store.transaction(tx -> {
            tx.lockForWrite();
            Rollout now = tx.rollouts().get(r.id()).orElseThrow(() -> Rollouts.notFound(r.id()));
            if (now.openWave() != 0 || now.state() != r.state() || !Objects.equals(now.review(), r.review())
                    || !now.state().canMoveTo(RolloutState.PENDING_APPROVAL)) {
                return null;
            }
            tx.rollouts().revise(r.id(), checked.json(), review);
            int count = tx.approvals().voidAll(r.id(), Instant.now());
            if (review.requiredApprovals() > 0) {
                tx.rollouts().setState(r.id(), RolloutState.PENDING_APPROVAL, changed(r) + "; " + waiting(review, 0, targets));
            }
            tx.audit().append(operator.name(), "rollout.plan_changed", "rollout/" + r.id(), r.review().planChecksum(),
                    review.planChecksum(), AuditDetails.of("risk", review.risk().name(), "requiredApprovals",
                            review.requiredApprovals(), "voidedApprovals", count));
            return count;
        });
        if (voided != null && review.requiredApprovals() > 0) {
            throw new RolloutException(RolloutException.Reason.PLAN_CHANGED, "rollout " + r.id() + ": " + changed(r) + ", so "
                    + voided + " approval(s) of the plan checked before were voided; it waits again for "
                    + review.requiredApprovals() + " approval(s) of the new plan (" + review.risk() + " risk), and nothing ran",
                    Map.of("voided", voided, "required", review.requiredApprovals(), "planChecksum", review.planChecksum()));
        }
    }

    /** Why a rollout's review was taken again. */
    private static String changed(Rollout r) {
        return r.review().planChecksum() == null ? "it was created before rollouts were reviewed, and its plan was checked now"
                : "its plan changed since it was checked (planned again from the same inputs, it is not the plan approved)";
    }

    /** The note of a rollout waiting for approvals: how many, and which tiers ask them for its risk. */
    static String waiting(Review review, int approved, List<Environment> targets) {
        return "waits for " + (review.requiredApprovals() - approved) + " more approval(s), " + approved + " of "
                + review.requiredApprovals() + " given: " + review.risk() + " risk, tier " + String.join(", ",
                TargetPolicies.tiersAsking(targets, review.risk(), review.requiredApprovals())) + " asks "
                + review.requiredApprovals();
    }

    /** The environments of {@code r}'s tasks that still exist: what its policies are read from. */
    static List<Environment> targets(RolloutTransaction tx, Rollout r) {
        Set<String> names = new HashSet<>(r.tasks().stream().map(Rollout.Task::environment).toList());
        return tx.environments().all().stream().filter(e -> names.contains(e.name())).toList();
    }

    private static ApprovalStatus status(RolloutTransaction tx, Rollout r, List<Environment> targets) {
        return new ApprovalStatus(r.id(), r.state(), r.createdBy(), r.review(), TargetPolicies.secondFactorTiers(targets),
                tx.approvals().of(r.id()));
    }

    private static List<String> approvers(ApprovalStatus status) {
        return status.approvals().stream().filter(a -> a.counts(status.review())).map(Approval::approver).distinct().toList();
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.strip().replaceAll("\\p{Cntrl}", " ");
        if (text.length() > MAX_COMMENT) {
            throw RolloutTargets.invalid("an approval's comment is at most " + MAX_COMMENT + " characters; this one has "
                    + text.length());
        }
        return text;
    }
}

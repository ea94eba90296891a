package io.strata.rollout;

import io.strata.error.ErrorCode;
import io.strata.error.Refusal;
import io.strata.error.RefusalException;

/**
 * A RolloutException is a request to the rollout engine (environments, rollouts, client versions, drift)
 * refused for a named {@link Reason}, which the API turns into a status and a code.
 */
public final class RolloutException extends RefusalException {

    /** Why a request was refused. */
    public enum Reason implements Refusal {
        ENVIRONMENT_NOT_FOUND(ErrorCode.NOT_FOUND),
        ROLLOUT_NOT_FOUND(ErrorCode.NOT_FOUND),
        /** A rollout to an environment whose last drift check found changes, not forced. */
        DRIFTED(ErrorCode.CONFLICT),
        /** A rollout whose plan fails lint under a target tier's policy (a destructive step where none may run). */
        POLICY_REFUSED(ErrorCode.BAD_INPUT),
        /** A rollout whose target databases do not all answer: refused before anything runs. */
        TARGETS_UNREACHABLE(ErrorCode.BAD_INPUT),
        /** A credentials reference that does not resolve on this server. */
        CREDENTIALS_UNRESOLVED(ErrorCode.BAD_INPUT),
        /** A request whose fields are missing or malformed. */
        INVALID_REQUEST(ErrorCode.BAD_INPUT),
        /** An environment name that is taken. */
        EXISTS(ErrorCode.CONFLICT),
        /** A rollout that touches a production environment, asked of an operator who may not release to production. */
        RELEASER_REQUIRED(ErrorCode.FORBIDDEN),
        /** An approval by the rollout's own creator: four eyes means someone else's. */
        OWN_ROLLOUT(ErrorCode.FORBIDDEN),
        /** An approval without a second factor, where a target's tier requires one. */
        SECOND_FACTOR_REQUIRED(ErrorCode.FORBIDDEN),
        /** An execute of a rollout that waits for approvals. */
        APPROVALS_MISSING(ErrorCode.CONFLICT),
        /** An execute that found the rollout's plan changed since it was approved: the approvals were voided. */
        PLAN_CHANGED(ErrorCode.CONFLICT);

        private final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }

        @Override
        public ErrorCode code() {
            return code;
        }
    }

    public RolloutException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RolloutException(Reason reason, String message, Object details) {
        super(reason, message, details);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}

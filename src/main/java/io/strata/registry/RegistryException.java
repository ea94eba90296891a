package io.strata.registry;

import io.strata.error.ErrorCode;
import io.strata.error.Refusal;
import io.strata.error.RefusalException;

/**
 * A RegistryException is a registry request refused for a named {@link Reason}, which the APIs turn into a
 * status and (for the Confluent-compatible API) Confluent's error code.
 */
public final class RegistryException extends RefusalException {

    /** Why a request was refused. */
    public enum Reason implements Refusal {
        SUBJECT_NOT_FOUND(ErrorCode.NOT_FOUND),
        VERSION_NOT_FOUND(ErrorCode.NOT_FOUND),
        SCHEMA_NOT_FOUND(ErrorCode.NOT_FOUND),
        BRANCH_NOT_FOUND(ErrorCode.NOT_FOUND),
        INVALID_SCHEMA(ErrorCode.BAD_INPUT),
        INVALID_VERSION(ErrorCode.BAD_INPUT),
        INVALID_LEVEL(ErrorCode.BAD_INPUT),
        INVALID_REQUEST(ErrorCode.BAD_INPUT),
        /** A mode other than READWRITE, READONLY and IMPORT. */
        INVALID_MODE(ErrorCode.BAD_INPUT),
        /** A soft delete of a subject that is already soft-deleted. */
        SUBJECT_SOFT_DELETED(ErrorCode.NOT_FOUND),
        /** A soft delete of a version that is already soft-deleted. */
        VERSION_SOFT_DELETED(ErrorCode.NOT_FOUND),
        /** A hard delete of a subject before the soft one. */
        NOT_SOFT_DELETED(ErrorCode.CONFLICT),
        /** A hard delete of a version before the soft one. */
        VERSION_NOT_SOFT_DELETED(ErrorCode.CONFLICT),
        /** A hard delete of a subject another one depends on. */
        REFERENCED(ErrorCode.CONFLICT),
        /** The registry (or the subject) is in READONLY mode. */
        READ_ONLY(ErrorCode.CONFLICT),
        /** A subject exists with another format, or a branch/subject name is taken. */
        EXISTS(ErrorCode.CONFLICT),
        MERGE_CONFLICT(ErrorCode.CONFLICT);

        private final ErrorCode code;

        Reason(ErrorCode code) {
            this.code = code;
        }

        @Override
        public ErrorCode code() {
            return code;
        }
    }

    public RegistryException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RegistryException(Reason reason, String message, Object details) {
        super(reason, message, details);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}

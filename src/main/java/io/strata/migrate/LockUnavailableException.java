package io.strata.migrate;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

/** LockUnavailableException says another migrator kept the target's lock past the wait, and names it. */
public final class LockUnavailableException extends StrataException {

    public LockUnavailableException(String message) {
        super(ErrorCode.CONFLICT, message);
    }
}

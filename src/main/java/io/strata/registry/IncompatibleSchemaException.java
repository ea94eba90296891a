package io.strata.registry;

import io.strata.compat.CompatibilityResult;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

/** An IncompatibleSchemaException refuses a version that breaks a role its level requires, with the full result. */
public final class IncompatibleSchemaException extends StrataException {

    private final transient CompatibilityResult result;

    public IncompatibleSchemaException(String message, CompatibilityResult result) {
        super(ErrorCode.INCOMPATIBLE, message);
        this.result = result;
    }

    public CompatibilityResult result() {
        return result;
    }
}

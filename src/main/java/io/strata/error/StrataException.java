package io.strata.error;

/**
 * StrataException is the one unchecked root of Strata's errors. Its message names the object that is
 * wrong ({@code file "a.sql", line 3: relation "x" does not exist}) and never contains a password.
 */
public class StrataException extends RuntimeException {

    private final ErrorCode code;

    public StrataException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public StrataException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static StrataException badInput(String message) {
        return new StrataException(ErrorCode.BAD_INPUT, message);
    }
}

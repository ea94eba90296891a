package io.strata.api;

/** A ConfluentError is a refusal only Confluent's API makes, with its own error code. */
final class ConfluentError extends RuntimeException {

    private final int status;
    private final int code;

    ConfluentError(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}

package io.strata.api;

/**
 * An ApiException is a request refused by the HTTP layer itself, before any use case ran: a malformed
 * body, a wrong content type, a body over the limit.
 *
 * @see ApiErrors
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "INVALID_REQUEST", message);
    }
}

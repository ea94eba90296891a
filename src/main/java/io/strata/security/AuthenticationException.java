package io.strata.security;

/**
 * An AuthenticationException says why a request's credentials were not accepted, in words safe to send back:
 * never the secret or token itself, and never whether a key id exists when the secret did not match.
 */
public final class AuthenticationException extends RuntimeException {

    public AuthenticationException(String reason) {
        super(reason);
    }

    public AuthenticationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package io.strata.security;

import io.strata.error.ErrorCode;
import io.strata.error.Refusal;
import io.strata.error.RefusalException;

/**
 * An AuthenticationException says why a credential was not accepted, in a short message fit for a 401 answer: it
 * names what was wrong (expired, revoked, signed by an unknown key, meant for another audience) and never repeats the
 * credential or the claims it carried, nor whether a key id exists when its secret did not match.
 */
public final class AuthenticationException extends RefusalException {

    /** Why a credential was refused. */
    public enum Reason implements Refusal {
        /** The request carries no credentials at all. */
        NO_CREDENTIALS,
        /** An API key whose id is unknown or whose secret does not match (the two are not told apart). */
        UNKNOWN_KEY,
        /** An API key an admin revoked. */
        REVOKED,
        /** Not a credential this server can read: not a JWT, unsigned, encrypted, or an algorithm it refuses. */
        MALFORMED,
        /** The signature does not verify against any of the issuer's keys. */
        BAD_SIGNATURE,
        /** Past its expiry (beyond the allowed clock skew). */
        EXPIRED,
        /** Not valid yet ({@code nbf} in the future beyond the allowed clock skew). */
        NOT_YET_VALID,
        /** Issued by another issuer than the one configured. */
        WRONG_ISSUER,
        /** Meant for another audience than the one configured. */
        WRONG_AUDIENCE,
        /** Valid, but it names no identity or grants no Strata role. */
        NO_ROLE,
        /** The issuer's discovery document or keys cannot be fetched: nothing is wrong with the credential itself. */
        ISSUER_UNREACHABLE(ErrorCode.UNREACHABLE);

        private final ErrorCode code;

        Reason() {
            this(ErrorCode.BAD_INPUT);
        }

        Reason(ErrorCode code) {
            this.code = code;
        }

        @Override
        public ErrorCode code() {
            return code;
        }
    }

    public AuthenticationException(Reason reason, String message) {
        super(reason, message, null);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}

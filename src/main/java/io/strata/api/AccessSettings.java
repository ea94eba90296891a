package io.strata.api;

import io.strata.security.Principal;
import io.strata.security.TokenVerifier;

/**
 * AccessSettings say who the server lets in besides API keys, and what it leaves open.
 *
 * @param tokens      how signed tokens are verified ({@link TokenVerifier#NONE} without an identity provider)
 * @param openMetrics whether {@code /metrics} answers without credentials, for a scraper that cannot send them
 * @param everyone    null, except to measure what authentication costs: then every request is this principal,
 *                    without reading its headers. No command offers it.
 */
public record AccessSettings(TokenVerifier tokens, boolean openMetrics, Principal everyone) {

    public AccessSettings(TokenVerifier tokens, boolean openMetrics) {
        this(tokens, openMetrics, null);
    }

    /** API keys only; only {@code /health} is open. */
    public static AccessSettings keysOnly() {
        return new AccessSettings(TokenVerifier.NONE, false);
    }

    /** Every request taken as {@code principal} unread, for the benchmark that compares the gate's cost with its absence. */
    public static AccessSettings withoutAuthenticationToMeasure(Principal principal) {
        return new AccessSettings(TokenVerifier.NONE, false, principal);
    }
}

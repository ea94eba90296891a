package io.strata.api;

import io.strata.security.TokenVerifier;

/**
 * AccessSettings say who the server lets in besides API keys, and what it leaves open.
 *
 * @param tokens      how signed tokens are verified ({@link TokenVerifier#NONE} without an identity provider)
 * @param openMetrics whether {@code /metrics} answers without credentials, for a scraper that cannot send them
 */
public record AccessSettings(TokenVerifier tokens, boolean openMetrics) {

    /** API keys only; only {@code /health} is open. */
    public static AccessSettings keysOnly() {
        return new AccessSettings(TokenVerifier.NONE, false);
    }
}

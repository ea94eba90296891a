package io.strata.security;

/** A TokenVerifier turns a signed token into the principal it names, or refuses it with an {@link AuthenticationException}. */
@FunctionalInterface
public interface TokenVerifier {

    Principal verify(String jwt);

    /** The verifier of a server without an identity provider: every token is refused. */
    TokenVerifier NONE = jwt -> {
        throw new AuthenticationException(AuthenticationException.Reason.MALFORMED, "this server accepts API keys only (no OIDC issuer is configured)");
    };
}

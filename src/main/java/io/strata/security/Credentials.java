package io.strata.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Credentials are what a request's {@code Authorization} header carries: an API key (as {@code Bearer ID.SECRET},
 * or as Basic {@code ID:SECRET}, which Kafka serializers and Confluent clients send) or an OIDC token
 * ({@code Bearer} and a JWT).
 */
public sealed interface Credentials permits Credentials.Key, Credentials.Token {

    /** An API key's id and secret. */
    record Key(String id, String secret) implements Credentials {
        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }

    /** A signed token (a JWT: three Base64url parts). */
    record Token(String jwt) implements Credentials {
        @Override
        public String toString() {
            return "Token[...]";
        }
    }

    /**
     * Reads an {@code Authorization} header; a missing or malformed one is an {@link AuthenticationException}
     * saying what to send.
     */
    static Credentials parse(String header) {
        if (header == null || header.isBlank()) {
            throw missing();
        }
        String value = header.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).strip();
            if (token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2) {
                return new Token(token);
            }
            return key(token, '.', "Bearer credentials are neither an API key (ID.SECRET) nor a signed token");
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationException(AuthenticationException.Reason.MALFORMED, "Basic credentials are not Base64");
            }
            return key(decoded, ':', "Basic credentials must be KEY_ID:SECRET of an API key");
        }
        throw new AuthenticationException(AuthenticationException.Reason.MALFORMED, "unsupported Authorization scheme: send Bearer KEY (or Basic KEY_ID:SECRET)");
    }

    /** The refusal of a request that sends no credentials at all. */
    static AuthenticationException missing() {
        return new AuthenticationException(AuthenticationException.Reason.NO_CREDENTIALS,
                "no credentials: send Authorization: Bearer KEY (an API key or an OIDC token)");
    }

    private static Key key(String text, char separator, String malformed) {
        int at = text.indexOf(separator);
        if (at <= 0 || at == text.length() - 1) {
            throw new AuthenticationException(AuthenticationException.Reason.MALFORMED, malformed);
        }
        return new Key(text.substring(0, at), text.substring(at + 1));
    }
}

package io.strata.api.dto;

import io.strata.security.ApiKey;

import java.time.Instant;

/**
 * A KeyDto is an API key as the API answers it: who holds it, what it may do and when it was used; never its
 * secret or hash. {@code token} is present once, in the answer that created the key.
 */
public record KeyDto(String id, String holder, String role, String team, String state, String createdBy, String createdAt,
                     String expiresAt, String lastUsedAt, String revokedAt, String token) {

    public static KeyDto of(ApiKey k) {
        return of(k, null);
    }

    public static KeyDto of(ApiKey k, String token) {
        Instant now = Instant.now();
        String state = k.revokedAt() != null ? "revoked" : k.live(now) ? "live" : "expired";
        return new KeyDto(k.id(), k.holder(), k.role().label(), k.team(), state, k.createdBy(), k.createdAt().toString(),
                text(k.expiresAt()), text(k.lastUsedAt()), text(k.revokedAt()), token);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}

package io.strata.security;

import java.time.Instant;
import java.util.Objects;

/**
 * An ApiKey is one stored key: who holds it, what it may do, and a salted hash of its secret (the secret
 * itself is shown once, when the key is created, and kept nowhere).
 *
 * @param id         public identifier, the part before the dot of the token ({@code admin} for the bootstrap key)
 * @param holder     the person or service it was issued to
 * @param team       the team whose subjects it may change, or null
 * @param secretHash {@link KeySecrets#hash}'s output
 * @param expiresAt  when it stops working, or null for never
 * @param lastUsedAt when it last authenticated a request (recorded at most once a minute), or null
 * @param revokedAt  when it was revoked, or null
 */
public record ApiKey(String id, String holder, Role role, String team, String secretHash, String createdBy, Instant createdAt,
                     Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether it authenticates requests at {@code now}: not revoked and not expired. */
    public boolean live(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** The identity a request made with this key acts as. */
    public Principal principal() {
        return new Principal(Principal.Kind.API_KEY, id, holder, role, team == null ? java.util.Set.of() : java.util.Set.of(team), false);
    }
}

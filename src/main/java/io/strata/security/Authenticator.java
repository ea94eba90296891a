package io.strata.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticator turns a request's {@code Authorization} header into a {@link Principal}. Verifying an API key's
 * secret is slow on purpose (a salted, stretched hash), so a verified header is remembered for a short while,
 * keyed by its digest; revoking a key forgets it at once on this server, and other servers sharing the store
 * stop accepting it when their memory of it expires ({@link #REMEMBER}).
 */
public final class Authenticator {

    /** How long a verified header is trusted without looking at the stored key again. */
    public static final Duration REMEMBER = Duration.ofSeconds(30);
    private static final Duration RECORD_USE_EVERY = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(Principal principal, Instant until) {
    }

    private final KeyLookup keys;
    private final TokenVerifier tokens;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRecordedUse = new ConcurrentHashMap<>();

    public Authenticator(KeyLookup keys, TokenVerifier tokens, Clock clock) {
        this.keys = keys;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The principal {@code authorization} (the header's value, null when absent) authenticates. */
    public Principal authenticate(String authorization) {
        Credentials credentials = Credentials.parse(authorization);
        String digest = KeySecrets.digest(authorization.strip());
        Instant now = clock.instant();
        Verified known = verified.get(digest);
        if (known != null && now.isBefore(known.until())) {
            if (credentials instanceof Credentials.Key key) {
                recordUse(key.id(), now);
            }
            return known.principal();
        }
        Instant until = now.plus(REMEMBER);
        Principal principal;
        if (credentials instanceof Credentials.Key key) {
            ApiKey stored = verifyKey(key, now);
            principal = stored.principal();
            // A key that expires within the window is trusted only until it expires.
            if (stored.expiresAt() != null && stored.expiresAt().isBefore(until)) {
                until = stored.expiresAt();
            }
        } else {
            principal = tokens.verify(((Credentials.Token) credentials).jwt());
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(digest, new Verified(principal, until));
        return principal;
    }

    /** Forgets every verified header of key {@code id}, so a revoked key stops working here at once. */
    public void forget(String id) {
        verified.values().removeIf(v -> v.principal().kind() == Principal.Kind.API_KEY && v.principal().id().equals(id));
    }

    private ApiKey verifyKey(Credentials.Key key, Instant now) {
        ApiKey stored = keys.find(key.id()).orElse(null);
        // An unknown id and a wrong secret answer alike, so that the answer does not say which ids exist.
        if (stored == null || !KeySecrets.matches(key.secret(), stored.secretHash())) {
            throw new AuthenticationException(AuthenticationException.Reason.UNKNOWN_KEY, "unknown API key or wrong secret");
        }
        if (stored.revokedAt() != null) {
            throw new AuthenticationException(AuthenticationException.Reason.REVOKED, "API key " + stored.id() + " was revoked");
        }
        if (!stored.live(now)) {
            throw new AuthenticationException(AuthenticationException.Reason.EXPIRED, "API key " + stored.id() + " expired at " + stored.expiresAt());
        }
        recordUse(stored.id(), now);
        return stored;
    }

    private void recordUse(String id, Instant now) {
        Instant last = lastRecordedUse.get(id);
        if (last == null || !now.isBefore(last.plus(RECORD_USE_EVERY))) {
            lastRecordedUse.put(id, now);
            keys.used(id);
        }
    }
}

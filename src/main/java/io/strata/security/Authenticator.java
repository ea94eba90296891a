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

    /** A key's header verified until {@code until}, and the stored hash its secret matched. */
    private record Verified(Principal principal, Instant until, String secretHash) {
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

    /**
     * The principal {@code authorization} (the header's value, null when absent) authenticates. An API key verified in
     * the last {@link #REMEMBER} is answered from memory, before the header is even parsed: the read path is what every
     * serializer's request takes. Tokens are left to their verifier, which remembers them no longer than they live.
     */
    public Principal authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw Credentials.missing();
        }
        String digest = KeySecrets.digest(authorization);
        Instant now = clock.instant();
        Verified known = verified.get(digest);
        if (known != null && now.isBefore(known.until())) {
            recordUse(known.principal().id(), now);
            return known.principal();
        }
        Credentials credentials = Credentials.parse(authorization);
        if (!(credentials instanceof Credentials.Key key)) {
            return tokens.verify(((Credentials.Token) credentials).jwt());
        }
        ApiKey stored = keys.find(key.id()).orElse(null);
        // The stretched hash is computed once per header: later, the stored row is only read again to see that the
        // key still stands with the same hash, so that every client's requests do not stall together behind a hash
        // each time the memory of their key lapses.
        boolean matched = known != null && stored != null && stored.secretHash().equals(known.secretHash());
        ApiKey checked = check(key, stored, matched, now);
        Verified fresh = new Verified(checked.principal(), until(checked, now), checked.secretHash());
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(digest, fresh);
        return fresh.principal();
    }

    /** Forgets every verified header of key {@code id}, so a revoked key stops working here at once. */
    public void forget(String id) {
        verified.values().removeIf(v -> v.principal().id().equals(id));
    }

    /** A key trusted only until it expires, at most {@link #REMEMBER} from now. */
    private static Instant until(ApiKey key, Instant now) {
        Instant until = now.plus(REMEMBER);
        return key.expiresAt() != null && key.expiresAt().isBefore(until) ? key.expiresAt() : until;
    }

    /** {@code stored}, once {@code key}'s secret is known to match it and it is neither revoked nor expired. */
    private ApiKey check(Credentials.Key key, ApiKey stored, boolean alreadyMatched, Instant now) {
        // An unknown id and a wrong secret answer alike, so that the answer does not say which ids exist.
        if (stored == null || !alreadyMatched && !KeySecrets.matches(key.secret(), stored.secretHash())) {
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
            // Of the requests that find the minute over, one records the use.
            boolean mine = last == null ? lastRecordedUse.putIfAbsent(id, now) == null : lastRecordedUse.replace(id, last, now);
            if (mine) {
                keys.used(id);
            }
        }
    }
}

package io.strata.app;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.migrate.ApplySettings;
import io.strata.security.ApiKey;
import io.strata.security.Authenticator;
import io.strata.security.KeyLookup;
import io.strata.security.KeySecrets;
import io.strata.security.Role;
import io.strata.store.StoreDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * ManageKeys is the API keys' use cases: issue a key (its secret shown once), list, revoke and rotate keys, and
 * create the first admin key of a fresh store. Every change is audited in the same transaction; no secret is
 * ever stored, logged or audited.
 */
public final class ManageKeys implements KeyLookup {

    /** A holder may have two live keys at once: the one in use and its replacement while clients move over. */
    public static final int LIVE_KEYS_PER_HOLDER = 2;
    /** The id of the key made from {@code STRATA_ADMIN_KEY}, so that Basic {@code admin:SECRET} authenticates. */
    public static final String BOOTSTRAP_ID = "admin";

    /** A key just made, with the token to hand out ({@code ID.SECRET}); the secret exists nowhere else. */
    public record IssuedKey(ApiKey key, String token) {
        @Override
        public String toString() {
            return "IssuedKey[" + key.id() + "]";
        }
    }

    /**
     * What to issue.
     *
     * @param holder  who it is for; null names the key by its id
     * @param expires how long it lives ({@code 90d}, {@code 12h}), or null for never
     */
    public record KeyRequest(String holder, String role, String team, String expires) {
    }

    private final StoreDatabase store;
    private final Clock clock;
    private volatile Consumer<String> onRevoke = id -> { };

    public ManageKeys(StoreDatabase store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Lets the authenticator forget a revoked key at once. */
    public void onRevoke(Authenticator authenticator) {
        this.onRevoke = authenticator::forget;
    }

    public IssuedKey create(KeyRequest request, String actor) {
        Role role = Role.named(request.role()).orElseThrow(() -> StrataException.badInput("role \"" + request.role()
                + "\" is unknown: use one of " + Role.names()));
        Instant now = clock.instant();
        Instant expires = expiry(request.expires(), now);
        String id = KeySecrets.newId();
        String holder = request.holder() == null || request.holder().isBlank() ? id : request.holder().strip();
        String team = request.team() == null || request.team().isBlank() ? null : request.team().strip();
        return issue(id, KeySecrets.newSecret(), holder, role, team, expires, actor, "key.created");
    }

    /**
     * A new key for the same holder, role and team as {@code id}, living as long as {@code id} was meant to; both
     * work until {@code id} is revoked, so clients move over without an outage.
     */
    public IssuedKey rotate(String id, String actor) {
        ApiKey old = find(id).filter(k -> k.live(clock.instant())).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        Instant expires = old.expiresAt() == null ? null : now.plus(Duration.between(old.createdAt(), old.expiresAt()));
        return issue(KeySecrets.newId(), KeySecrets.newSecret(), old.holder(), old.role(), old.team(), expires, actor, "key.rotated");
    }

    /** Revokes {@code id}; revoking a revoked key changes nothing. */
    public ApiKey revoke(String id, String actor) {
        ApiKey revoked = store.transaction(tx -> {
            tx.lockForWrite();
            ApiKey key = tx.keys().find(id).orElseThrow(() -> notFound(id));
            if (tx.keys().revoke(id, clock.instant())) {
                tx.audit().append(actor, "key.revoked", "key/" + id, null, null, "{\"holder\":" + quote(key.holder()) + "}");
            }
            return tx.keys().find(id).orElseThrow();
        });
        onRevoke.accept(id);
        return revoked;
    }

    /** Every key, revoked and expired ones too, oldest first. */
    public List<ApiKey> list() {
        return store.transaction(tx -> tx.keys().all());
    }

    public ApiKey get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Makes the first admin key when the store has none: from {@code secret} with the id {@code admin} when one is
     * given, else a generated one. Returns the key made, or empty when the store already had keys.
     */
    public Optional<IssuedKey> bootstrap(String secret) {
        if (!list().isEmpty()) {
            return Optional.empty();
        }
        if (secret != null && !secret.isBlank()) {
            if (secret.strip().length() < 16) {
                throw StrataException.badInput("STRATA_ADMIN_KEY must be at least 16 characters long");
            }
            return Optional.of(issue(BOOTSTRAP_ID, secret.strip(), BOOTSTRAP_ID, Role.ADMIN, null, null, "strata (bootstrap)",
                    "key.created"));
        }
        return Optional.of(issue(KeySecrets.newId(), KeySecrets.newSecret(), BOOTSTRAP_ID, Role.ADMIN, null, null,
                "strata (bootstrap)", "key.created"));
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return store.transaction(tx -> tx.keys().find(id));
    }

    @Override
    public void used(String id) {
        store.transaction(tx -> {
            tx.keys().touch(id, clock.instant());
            return null;
        });
    }

    private IssuedKey issue(String id, String secret, String holder, Role role, String team, Instant expires, String actor,
                            String action) {
        ApiKey key = new ApiKey(id, holder, role, team, KeySecrets.hash(secret), actor, clock.instant(), expires, null, null);
        store.transaction(tx -> {
            tx.lockForWrite();
            Instant now = clock.instant();
            long live = tx.keys().all().stream().filter(k -> k.holder().equals(holder) && k.live(now)).count();
            if (live >= LIVE_KEYS_PER_HOLDER) {
                throw new StrataException(ErrorCode.CONFLICT, "\"" + holder + "\" already holds " + live
                        + " live keys; revoke one (strata keys revoke ID) before making another");
            }
            if (tx.keys().find(id).isPresent()) {
                throw new StrataException(ErrorCode.CONFLICT, "a key with id \"" + id + "\" already exists");
            }
            tx.keys().insert(key);
            tx.audit().append(actor, action, "key/" + id, null, null, "{\"holder\":" + quote(holder) + ",\"role\":\""
                    + role.label() + "\",\"team\":" + (team == null ? "null" : quote(team)) + "}");
            return null;
        });
        return new IssuedKey(key, id + "." + secret);
    }

    private static Instant expiry(String text, Instant now) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("never")) {
            return null;
        }
        Duration lifetime = ApplySettings.parseDuration(text);
        if (lifetime.isZero() || lifetime.isNegative()) {
            throw StrataException.badInput("expiry \"" + text + "\" must be a positive duration such as 90d or 12h");
        }
        return now.plus(lifetime);
    }

    private static StrataException notFound(String id) {
        return new StrataException(ErrorCode.NOT_FOUND, "API key \"" + id + "\" not found");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

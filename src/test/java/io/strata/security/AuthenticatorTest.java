package io.strata.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authenticator's rules: how a header is read, what its memory of verified keys may and may not do (never outlive a
 * revocation seen in the store or the key's expiry), and that an unknown id and a wrong secret answer alike.
 */
class AuthenticatorTest {

    /** Keys as a store would hold them, with the uses recorded. */
    private static final class Keys implements KeyLookup {
        final Map<String, ApiKey> rows = new ConcurrentHashMap<>();
        final List<String> uses = new ArrayList<>();
        int reads;

        @Override
        public Optional<ApiKey> find(String id) {
            reads++;
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public synchronized void used(String id) {
            uses.add(id);
        }
    }

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Keys keys = new Keys();
    private final Hands clock = new Hands();
    private final Authenticator authenticator = new Authenticator(keys, TokenVerifier.NONE, clock);

    private String issue(String id, Role role, Instant expires) {
        String secret = KeySecrets.newSecret();
        keys.rows.put(id, new ApiKey(id, "holder-" + id, role, "core", KeySecrets.hash(secret), "test", clock.now, expires, null, null));
        return id + "." + secret;
    }

    private AuthenticationException.Reason refusal(String header) {
        try {
            authenticator.authenticate(header);
        } catch (AuthenticationException e) {
            return e.reason();
        }
        throw new AssertionError(header + " was accepted");
    }

    @Test
    void aKeyAuthenticatesAsBearerAndAsBasicWithItsRoleAndTeam() {
        String token = issue("k1", Role.RELEASER, null);
        Principal bearer = authenticator.authenticate("Bearer " + token);
        assertThat(bearer.role()).isEqualTo(Role.RELEASER);
        assertThat(bearer.teams()).containsExactly("core");
        assertThat(bearer.auditName()).isEqualTo("holder-k1 (key k1)");
        String basic = "Basic " + Base64.getEncoder().encodeToString(token.replaceFirst("\\.", ":").getBytes(StandardCharsets.UTF_8));
        assertThat(authenticator.authenticate(basic)).isEqualTo(bearer);
        assertThat(keys.uses).containsExactly("k1");
    }

    @Test
    void anUnknownIdAndAWrongSecretAnswerAlike() {
        issue("k1", Role.ADMIN, null);
        AuthenticationException unknown = catchRefusal("Bearer k9.c2VjcmV0");
        AuthenticationException wrong = catchRefusal("Bearer k1.c2VjcmV0");
        assertThat(unknown.reason()).isEqualTo(wrong.reason()).isEqualTo(AuthenticationException.Reason.UNKNOWN_KEY);
        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage()).doesNotContain("k1").doesNotContain("k9");
    }

    private AuthenticationException catchRefusal(String header) {
        try {
            authenticator.authenticate(header);
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError(header + " was accepted");
    }

    @Test
    void malformedHeadersSayWhatToSend() {
        assertThat(refusal(null)).isEqualTo(AuthenticationException.Reason.NO_CREDENTIALS);
        assertThat(refusal("  ")).isEqualTo(AuthenticationException.Reason.NO_CREDENTIALS);
        assertThat(refusal("Bearer nodot")).isEqualTo(AuthenticationException.Reason.MALFORMED);
        assertThat(refusal("Basic %%%")).isEqualTo(AuthenticationException.Reason.MALFORMED);
        assertThat(refusal("Token abc")).isEqualTo(AuthenticationException.Reason.MALFORMED);
        assertThat(refusal("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).as("no issuer configured")
                .isEqualTo(AuthenticationException.Reason.MALFORMED);
    }

    @Test
    void theMemoryOfAVerifiedKeyNeverOutlivesItsExpiry() {
        String token = issue("k1", Role.VIEWER, clock.now.plusSeconds(10));
        authenticator.authenticate("Bearer " + token);
        clock.now = clock.now.plusSeconds(11);
        assertThat(refusal("Bearer " + token)).isEqualTo(AuthenticationException.Reason.EXPIRED);
    }

    @Test
    void aRevocationSeenInTheStoreEndsTheKeyWhenItsMemoryLapses() {
        String token = issue("k1", Role.VIEWER, null);
        authenticator.authenticate("Bearer " + token);
        ApiKey row = keys.rows.get("k1");
        // Revoked by another server sharing the store: this one has not been told.
        keys.rows.put("k1", new ApiKey(row.id(), row.holder(), row.role(), row.team(), row.secretHash(), row.createdBy(),
                row.createdAt(), null, null, clock.now));
        assertThat(authenticator.authenticate("Bearer " + token).id()).as("remembered for a while").isEqualTo("k1");
        clock.now = clock.now.plus(Authenticator.REMEMBER).plusSeconds(1);
        assertThat(refusal("Bearer " + token)).isEqualTo(AuthenticationException.Reason.REVOKED);
    }

    @Test
    void forgettingAKeyRefusesItAtOnce() {
        String token = issue("k1", Role.VIEWER, null);
        authenticator.authenticate("Bearer " + token);
        ApiKey row = keys.rows.get("k1");
        keys.rows.put("k1", new ApiKey(row.id(), row.holder(), row.role(), row.team(), row.secretHash(), row.createdBy(),
                row.createdAt(), null, null, clock.now));
        authenticator.forget("k1");
        assertThat(refusal("Bearer " + token)).isEqualTo(AuthenticationException.Reason.REVOKED);
    }

    @Test
    void aLapsedMemoryIsRenewedByReadingTheKeyNotByHashingAgain() {
        String token = issue("k1", Role.VIEWER, null);
        authenticator.authenticate("Bearer " + token);
        int reads = keys.reads;
        authenticator.authenticate("Bearer " + token);
        assertThat(keys.reads).as("within the window nothing is read").isEqualTo(reads);
        clock.now = clock.now.plus(Authenticator.REMEMBER).plusSeconds(1);
        authenticator.authenticate("Bearer " + token);
        assertThat(keys.reads).isEqualTo(reads + 1);
        // A key whose hash changed under the same id (the id reused after a purge) is verified again, and fails.
        ApiKey row = keys.rows.get("k1");
        keys.rows.put("k1", new ApiKey(row.id(), row.holder(), row.role(), row.team(), KeySecrets.hash("other"), row.createdBy(),
                row.createdAt(), null, null, null));
        clock.now = clock.now.plus(Authenticator.REMEMBER).plusSeconds(1);
        assertThat(refusal("Bearer " + token)).isEqualTo(AuthenticationException.Reason.UNKNOWN_KEY);
    }

    @Test
    void aUseIsRecordedAtMostOnceAMinute() {
        String token = issue("k1", Role.VIEWER, null);
        for (int i = 0; i < 5; i++) {
            authenticator.authenticate("Bearer " + token);
        }
        assertThat(keys.uses).hasSize(1);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        authenticator.authenticate("Bearer " + token);
        assertThat(keys.uses).hasSize(2);
    }
}

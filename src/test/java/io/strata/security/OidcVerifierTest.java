package io.strata.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OidcVerifier against a real OpenID Connect issuer on loopback (mock-oauth2-server): discovery, keys, signatures,
 * the checked claims, key rotation, and how claims become a principal.
 */
class OidcVerifierTest {

    private static final String ISSUER_ID = "corp";
    private static RotatingKeys keys;
    private static MockOAuth2Server issuer;

    @BeforeAll
    static void startIssuer() {
        keys = new RotatingKeys("RS256");
        issuer = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys)));
        issuer.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.shutdown();
    }

    private static String issuerUrl() {
        return issuer.issuerUrl(ISSUER_ID).toString();
    }

    private static OidcVerifier verifier(String audience) {
        return new OidcVerifier(OidcSettings.of(issuerUrl(), audience, null));
    }

    private static String token(String audience, Map<String, Object> claims, long expirySeconds) {
        return issuer.issueToken(ISSUER_ID, "u-1234", audience, claims, expirySeconds).serialize();
    }

    private static String token(Map<String, Object> claims) {
        return token("strata", claims, 3600);
    }

    @Test
    void aValidTokenBecomesAPrincipalWithItsHighestRoleTeamsAndHolder() {
        Principal p = verifier("strata").verify(token(Map.of(
                "groups", List.of("strata-developer", "strata:releaser", "team:payments", "admin", "staff"),
                "teams", List.of("billing"),
                "email", "alice@corp.example",
                "preferred_username", "alice")));
        assertThat(p.kind()).isEqualTo(Principal.Kind.OIDC_TOKEN);
        assertThat(p.id()).isEqualTo("u-1234");
        assertThat(p.holder()).isEqualTo("alice@corp.example");
        // A bare "admin" group grants nothing: only prefixed values name Strata roles.
        assertThat(p.role()).isEqualTo(Role.RELEASER);
        assertThat(p.teams()).containsExactlyInAnyOrder("payments", "billing");
        assertThat(p.secondFactor()).isFalse();
        assertThat(p.auditName()).isEqualTo("alice@corp.example (oidc u-1234)");
    }

    @Test
    void aRolesClaimMayBeOneStringOfWordsAndNameAnotherClaim() {
        OidcVerifier verifier = new OidcVerifier(OidcSettings.of(issuerUrl(), null, "strata_roles"));
        Principal p = verifier.verify(token(Map.of("strata_roles", "STRATA-ADMIN strata-team:ops", "name", "Bob")));
        assertThat(p.role()).isEqualTo(Role.ADMIN);
        assertThat(p.teams()).containsExactly("ops");
        assertThat(p.holder()).isEqualTo("Bob");
    }

    @Test
    void aTokenGrantingNoStrataRoleIsRefused() {
        assertThatThrownBy(() -> verifier("strata").verify(token(Map.of("groups", List.of("admin", "team:payments")))))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.NO_ROLE);
                    assertThat(e.getMessage()).contains("grants no Strata role", "\"groups\"", "strata-admin");
                });
    }

    @Test
    void theAmrClaimSaysWhetherASecondFactorWasProved() {
        OidcVerifier verifier = verifier("strata");
        assertThat(verifier.verify(token(Map.of("groups", List.of("strata-releaser"), "amr", List.of("pwd", "otp"))))
                .secondFactor()).isTrue();
        assertThat(verifier.verify(token(Map.of("groups", List.of("strata-releaser"), "amr", List.of("pwd"))))
                .secondFactor()).isFalse();
        assertThat(verifier.verify(token(Map.of("groups", List.of("strata-releaser"), "amr", List.of("hwk"))))
                .secondFactor()).isTrue();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = token("some-other-app", Map.of("groups", List.of("strata-admin")), 3600);
        assertThat(refusal(verifier("strata"), token).reason()).isEqualTo(AuthenticationException.Reason.WRONG_AUDIENCE);
        // Without a configured audience, any audience of this issuer is accepted.
        assertThat(verifier(null).verify(token).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedEvenWhenSignedByTheSameServer() {
        // The same server (same keys) under another issuer id: the signature verifies, the issuer does not match.
        String otherIssuerId = ISSUER_ID + "-other";
        keys.alias(otherIssuerId, ISSUER_ID);
        String token = issuer.issueToken(otherIssuerId, "u-1234", "strata", Map.of("groups", List.of("strata-admin")), 3600).serialize();
        AuthenticationException e = refusal(verifier("strata"), token);
        assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.WRONG_ISSUER);
        assertThat(e.getMessage()).contains(issuerUrl());
    }

    @Test
    void anExpiredTokenIsRefusedAndOneNotYetValidToo() {
        String expired = token("strata", Map.of("groups", List.of("strata-admin")), -3600);
        AuthenticationException e = refusal(verifier("strata"), expired);
        assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.EXPIRED);
        assertThat(e.getMessage()).isEqualTo("the token has expired").doesNotContain(expired);

        // A verifier whose clock runs ten minutes behind sees a token issued now as not valid yet (nbf).
        OidcVerifier behind = new OidcVerifier(OidcSettings.of(issuerUrl(), "strata", null),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
        assertThat(refusal(behind, token(Map.of("groups", List.of("strata-admin")))).reason())
                .isEqualTo(AuthenticationException.Reason.NOT_YET_VALID);
    }

    @Test
    void aTokenSignedWithARotatedKeyIsAcceptedOnceTheKeysAreFetchedAgain() throws Exception {
        OidcVerifier verifier = verifier("strata");
        String before = token(Map.of("groups", List.of("strata-viewer")));
        assertThat(verifier.verify(before).role()).isEqualTo(Role.VIEWER);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        keys.rotate();
        String after = token(Map.of("groups", List.of("strata-developer")));
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(oldKid);
        assertThat(verifier.verify(after).role()).isEqualTo(Role.DEVELOPER);
    }

    @Test
    void tokensNamingKeysNobodyPublishesAreRefusedWithoutHammeringTheIssuer() throws Exception {
        OidcVerifier verifier = verifier("strata");
        verifier.verify(token(Map.of("groups", List.of("strata-viewer"))));
        drainRequests();
        RSAKey intruder = new RSAKeyGenerator(2048).keyID("intruder").generate();
        for (int i = 0; i < 5; i++) {
            String forged = signed(intruder, JWSAlgorithm.RS256, claims("strata-admin-" + i));
            AuthenticationException e = refusal(verifier, forged);
            assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.BAD_SIGNATURE);
        }
        // One fetch again for the unknown key, then the rate limit holds: never one per forged token.
        assertThat(drainRequests()).filteredOn(path -> path.contains("jwks")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aTokenWhoseSignatureWasTamperedWithIsRefused() {
        String token = token(Map.of("groups", List.of("strata-viewer")));
        String[] parts = token.split("\\.");
        String forgedClaims = com.nimbusds.jose.util.Base64URL.encode(claims("strata-admin").toString()).toString();
        AuthenticationException e = refusal(verifier("strata"), parts[0] + "." + forgedClaims + "." + parts[2]);
        assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.BAD_SIGNATURE);
    }

    @Test
    void hmacAndUnsignedTokensAreRefused() throws Exception {
        OidcVerifier verifier = verifier("strata");
        JWTClaimsSet claims = JWTClaimsSet.parse(claims("strata-admin").toJSONObject());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ISSUER_ID).type(JOSEObjectType.JWT).build(), claims);
        hmac.sign(new MACSigner("a shared secret that is at least 256 bits long!!"));
        AuthenticationException e = refusal(verifier, hmac.serialize());
        assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.MALFORMED);
        assertThat(e.getMessage()).contains("HS256", "does not accept");

        AuthenticationException none = refusal(verifier, new PlainJWT(claims).serialize());
        assertThat(none.reason()).isEqualTo(AuthenticationException.Reason.MALFORMED);
        assertThat(none.getMessage()).contains("unsigned");

        assertThat(refusal(verifier, "not-a-jwt").reason()).isEqualTo(AuthenticationException.Reason.MALFORMED);
    }

    @Test
    void anEcdsaIssuerIsAcceptedToo() {
        MockOAuth2Server ec = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(new RotatingKeys("ES256"))));
        ec.start(InetAddress.getLoopbackAddress(), 0);
        try {
            SignedJWT token = ec.issueToken("ec", "u-ec", "strata", Map.of("groups", List.of("strata-viewer")), 3600);
            assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            OidcVerifier verifier = new OidcVerifier(OidcSettings.of(ec.issuerUrl("ec").toString(), "strata", null));
            assertThat(verifier.verify(token.serialize()).id()).isEqualTo("u-ec");
        } finally {
            ec.shutdown();
        }
    }

    @Test
    void anUnreachableIssuerIsReportedAsSuchNotAsABadToken() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        OidcVerifier verifier = new OidcVerifier(OidcSettings.of("http://127.0.0.1:" + closed + "/nobody", null, null));
        AuthenticationException e = refusal(verifier, token(Map.of("groups", List.of("strata-admin"))));
        assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.ISSUER_UNREACHABLE);
        assertThat(e.reason().code()).isEqualTo(io.strata.error.ErrorCode.UNREACHABLE);
        assertThatThrownBy(verifier::discover).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anIssuerMustBeHttpsUnlessItIsOnLoopback() {
        assertThatThrownBy(() -> OidcSettings.of("http://idp.corp.example/realms/x", null, null))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> OidcSettings.of("ftp://idp.corp.example", null, null)).hasMessageContaining("https URL");
        assertThat(OidcSettings.of("https://idp.corp.example/realms/x", " ", null).audience()).isNull();
        assertThat(OidcSettings.of("http://[::1]:8081/x", null, null).rolesClaim()).isEqualTo("groups");
        assertThat(OidcSettings.of("https://idp.example/", null, null).discoveryUrl().toString())
                .isEqualTo("https://idp.example/.well-known/openid-configuration");
    }

    private static AuthenticationException refusal(OidcVerifier verifier, String token) {
        try {
            Principal p = verifier.verify(token);
            throw new AssertionError("accepted as " + p);
        } catch (AuthenticationException e) {
            assertThat(e.getMessage()).doesNotContain(token);
            return e;
        }
    }

    private static JWTClaimsSet claims(String group) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuerUrl()).subject("mallory").audience("strata")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("groups", List.of(group)).build();
    }

    private static String signed(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The paths of the requests the issuer has received since the last call. */
    private static List<String> drainRequests() throws InterruptedException {
        List<String> paths = new java.util.ArrayList<>();
        while (true) {
            RecordedRequest r;
            try {
                r = issuer.takeRequest(50, TimeUnit.MILLISECONDS);
            } catch (RuntimeException empty) {
                // The issuer says "no request found in queue": every request made so far has been taken.
                return paths;
            }
            if (r == null) {
                return paths;
            }
            paths.add(r.getPath());
        }
    }

    /**
     * Signing keys that can be rotated: the issuer signs with (and publishes only) the key of the current generation,
     * under a new key id after each rotation, as a real issuer does when it retires a key.
     */
    static final class RotatingKeys extends KeyProvider {

        private final Map<String, String> aliases = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile int generation;

        RotatingKeys(String algorithm) {
            super(List.of(), algorithm);
        }

        @Override
        public JWK signingKey(String issuerId) {
            String id = aliases.getOrDefault(issuerId, issuerId);
            return super.signingKey(id + "-" + generation);
        }

        void rotate() {
            generation++;
        }

        /** Makes {@code issuerId} sign with the keys of {@code sameAs}. */
        void alias(String issuerId, String sameAs) {
            aliases.put(issuerId, sameAs);
        }
    }
}

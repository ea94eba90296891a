package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.audit.AuditEvent;
import io.strata.security.OidcSettings;
import io.strata.security.OidcVerifier;
import io.strata.testing.TestDatabases;
import io.strata.testing.TestKeys;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that names an OpenID Connect issuer (a real one on loopback) takes its tokens beside API keys: the role and
 * team come from the token's groups, the audit trail records the token's subject, and an expired token or one for
 * another audience is a 401.
 */
class OidcApiTest {

    @TempDir
    static Path dir;

    private static MockOAuth2Server issuer;
    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() {
        issuer = new MockOAuth2Server();
        issuer.start(InetAddress.getLoopbackAddress(), 0);
        registry = Registry.open(null, dir, Map.of());
        registry.keys().bootstrap(TestKeys.ADMIN_SECRET);
        OidcVerifier verifier = new OidcVerifier(OidcSettings.of(issuer.issuerUrl("corp").toString(), "strata", null));
        server = ApiServer.start(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY),
                new AccessSettings(verifier, false));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
        issuer.shutdown();
    }

    private static String token(String audience, List<String> groups, long expirySeconds) {
        return issuer.issueToken("corp", "u-alice", audience, Map.of("groups", groups, "email", "alice@corp.example"),
                expirySeconds).serialize();
    }

    @Test
    void aTokensGroupsGiveItsRoleAndTeamAndTheAuditTrailItsSubject() throws Exception {
        String token = token("strata", List.of("strata-developer", "team:payments"), 600);
        JsonNode me = call("GET", "/api/v1/whoami", null, token, 200);
        assertThat(me.path("kind").asText()).isEqualTo("oidc-token");
        assertThat(me.path("role").asText()).isEqualTo("developer");
        assertThat(me.path("teams").get(0).asText()).isEqualTo("payments");

        call("POST", "/api/v1/schemas", "{\"subject\":\"oidc-value\",\"format\":\"AVRO\",\"schema\":"
                + "\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"O\\\",\\\"fields\\\":[]}\"}", token, 201);
        assertThat(registry.subjects().get("oidc-value").subject().owner()).isEqualTo("payments");
        assertThat(registry.audit().page(0, 100)).filteredOn(e -> e.target().contains("oidc-value")).extracting(AuditEvent::actor)
                .containsOnly("alice@corp.example (oidc u-alice)");
        call("PUT", "/api/v1/config", "{\"compatibility\":\"NONE\"}", token, 403);
        call("GET", "/api/v1/whoami", null, TestKeys.ADMIN_TOKEN, 200);
    }

    @Test
    void anExpiredTokenOrOneForAnotherAudienceIsRefused() throws Exception {
        JsonNode expired = call("GET", "/api/v1/schemas", null, token("strata", List.of("strata-admin"), -120), 401);
        assertThat(expired.path("error").path("message").asText()).containsIgnoringCase("expired");
        JsonNode elsewhere = call("GET", "/api/v1/schemas", null, token("billing", List.of("strata-admin"), 600), 401);
        assertThat(elsewhere.path("error").path("message").asText()).containsIgnoringCase("audience");
        JsonNode noRole = call("GET", "/api/v1/schemas", null, token("strata", List.of("staff"), 600), 401);
        assertThat(noRole.path("error").path("message").asText()).contains("no Strata role");
    }

    @Test
    void aTierThatAsksForASecondFactorCountsOnlyApprovalsMadeWithOne() throws Exception {
        HttpJson.send(server.port(), "POST", "/api/v1/schemas", Map.of("subject", "shop.mfa", "format", "SQL", "schema",
                "CREATE TABLE mfa (id bigint PRIMARY KEY);"), 201);
        HttpJson.send(server.port(), "POST", "/api/v1/environments", Map.of("name", "mfa-prod", "tier", "prod", "url",
                TestDatabases.freshPostgres(), "policy", Map.of("secondFactor", true)), 201);
        JsonNode rollout = HttpJson.send(server.port(), "POST", "/api/v1/migrations", Map.of("subject", "shop.mfa",
                "environments", List.of("mfa-prod")), 201);
        assertThat(rollout.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        String approvals = "/api/v1/migrations/" + rollout.path("id").asLong() + "/approvals";

        String passwordOnly = issuer.issueToken("corp", "u-bob", "strata", Map.of("groups", List.of("strata-releaser"),
                "amr", List.of("pwd")), 600).serialize();
        JsonNode refused = call("POST", approvals, "{\"comment\":\"ok\"}", passwordOnly, 403);
        assertThat(refused.path("error").path("message").asText()).contains("second factor");
        String withOtp = issuer.issueToken("corp", "u-bob", "strata", Map.of("groups", List.of("strata-releaser"),
                "amr", List.of("pwd", "otp")), 600).serialize();
        JsonNode approved = call("POST", approvals, "{\"comment\":\"ok\"}", withOtp, 201);
        assertThat(approved.path("state").asText()).isEqualTo("CREATED");
        assertThat(approved.path("approvals").get(0).path("secondFactor").asBoolean()).isTrue();
        assertThat(approved.path("approvals").get(0).path("approver").asText()).isEqualTo("oidc u-bob");
    }

    private static JsonNode call(String method, String path, String body, String token, int expected) throws Exception {
        return HttpJson.exchange(server.port(), method, path, body, "Bearer " + token, expected);
    }
}

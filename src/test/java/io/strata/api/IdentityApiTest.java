package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.audit.AuditEvent;
import io.strata.store.StoreDatabase;
import io.strata.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys and team ownership end to end over HTTP: a key's secret shown once and kept only as a hash, Bearer and
 * Basic use, revocation and rotation, the audit trail naming the authenticated key whatever headers say, and
 * subjects only their team (or an admin) may change.
 */
class IdentityApiTest {

    private static final String AVRO_V1 = "{\"type\":\"record\",\"name\":\"Pay\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
    private static final String AVRO_V2 = "{\"type\":\"record\",\"name\":\"Pay\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() {
        registry = Registry.open(null, dir, Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void aKeysSecretIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        JsonNode made = call("POST", "/api/v1/keys", "{\"role\":\"developer\",\"team\":\"payments\",\"holder\":\"ci-payments\","
                + "\"expires\":\"90d\"}", bearer(TestKeys.ADMIN_TOKEN), 201);
        String token = made.path("token").asText();
        String id = made.path("id").asText();
        assertThat(token).startsWith(id + ".");
        assertThat(made.path("expiresAt").asText()).isNotBlank();

        JsonNode shown = call("GET", "/api/v1/keys/" + id, null, bearer(TestKeys.ADMIN_TOKEN), 200);
        assertThat(shown.path("token").isNull()).as("the token is never shown again").isTrue();
        assertThat(shown.toString()).doesNotContain(token.substring(id.length() + 1));
        String stored = storedHash(id);
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(token.substring(id.length() + 1));

        JsonNode me = call("GET", "/api/v1/whoami", null, bearer(token), 200);
        assertThat(me.path("holder").asText()).isEqualTo("ci-payments");
        assertThat(me.path("role").asText()).isEqualTo("developer");
        assertThat(me.path("teams").get(0).asText()).isEqualTo("payments");
        String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + token.substring(id.length() + 1))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(call("GET", "/ccompat/subjects", null, basic, 200).isArray()).isTrue();
        assertThat(call("GET", "/api/v1/keys/" + id, null, bearer(TestKeys.ADMIN_TOKEN), 200).path("lastUsedAt").asText())
                .as("a use is recorded").isNotBlank();
        assertThat(call("POST", "/api/v1/keys", "{\"role\":\"admin\"}", bearer(token), 403).path("error").path("message").asText())
                .contains("admin");
    }

    @Test
    void aRevokedKeyStopsAtOnceAndARotatedOneOverlapsUntilThen() throws Exception {
        JsonNode first = call("POST", "/api/v1/keys", "{\"role\":\"viewer\",\"holder\":\"dashboard\"}", bearer(TestKeys.ADMIN_TOKEN), 201);
        String old = first.path("token").asText();
        call("GET", "/api/v1/schemas", null, bearer(old), 200);
        JsonNode second = call("POST", "/api/v1/keys/" + first.path("id").asText() + "/rotate", null, bearer(TestKeys.ADMIN_TOKEN), 201);
        String fresh = second.path("token").asText();
        assertThat(second.path("holder").asText()).isEqualTo("dashboard");
        assertThat(second.path("role").asText()).isEqualTo("viewer");
        call("GET", "/api/v1/schemas", null, bearer(fresh), 200);
        call("GET", "/api/v1/schemas", null, bearer(old), 200);
        JsonNode third = call("POST", "/api/v1/keys", "{\"role\":\"viewer\",\"holder\":\"dashboard\"}", bearer(TestKeys.ADMIN_TOKEN), 409);
        assertThat(third.path("error").path("message").asText()).contains("dashboard").contains("2 live keys");

        JsonNode revoked = call("DELETE", "/api/v1/keys/" + first.path("id").asText(), null, bearer(TestKeys.ADMIN_TOKEN), 200);
        assertThat(revoked.path("state").asText()).isEqualTo("revoked");
        JsonNode refused = call("GET", "/api/v1/schemas", null, bearer(old), 401);
        assertThat(refused.path("error").path("message").asText()).contains("revoked");
        call("GET", "/api/v1/schemas", null, bearer(fresh), 200);
        assertThat(registry.audit().page(0, 1000)).extracting(AuditEvent::action).contains("key.created", "key.rotated", "key.revoked");
        assertThat(registry.audit().page(0, 1000).toString()).doesNotContain(fresh.substring(fresh.indexOf('.') + 1));
    }

    @Test
    void theAuditTrailNamesTheKeyNotWhatTheClientClaims() throws Exception {
        String token = TestKeys.issue(registry, "alice", "developer", null);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/schemas")).header("Authorization", "Bearer " + token)
                .header("X-Strata-Actor", "security-officer@corp").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"spoof-value\",\"format\":\"AVRO\",\"schema\":"
                        + JsonBodies.JSON.writeValueAsString(AVRO_V1) + "}")).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        List<AuditEvent> events = registry.audit().page(0, 1000).stream().filter(e -> e.target().contains("spoof-value")).toList();
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.actor()).startsWith("alice (key k").doesNotContain("officer"));
        assertThat(registry.audit().verify().intact()).isTrue();
    }

    @Test
    void onlyTheOwningTeamOrAnAdminChangesASubject() throws Exception {
        String payments = TestKeys.issue(registry, "pay-dev", "developer", "payments");
        String search = TestKeys.issue(registry, "search-dev", "developer", "search");
        String viewer = TestKeys.issue(registry, "auditor", "viewer", "payments");
        register("team-value", AVRO_V1, payments, 201);
        assertThat(registry.subjects().get("team-value").subject().owner()).isEqualTo("payments");

        JsonNode refused = call("POST", "/api/v1/schemas/team-value/versions", body(AVRO_V2), bearer(search), 403);
        assertThat(refused.path("error").path("message").asText()).contains("team-value").contains("payments").contains("search");
        call("POST", "/ccompat/subjects/team-value/versions", body(AVRO_V2), bearer(search), 403);
        call("DELETE", "/api/v1/schemas/team-value", null, bearer(search), 403);
        call("PUT", "/ccompat/config/team-value", "{\"compatibility\":\"NONE\"}", bearer(search), 403);
        call("POST", "/api/v1/schemas/team-value/versions", body(AVRO_V2), bearer(viewer), 403);
        call("POST", "/api/v1/schemas", "{\"subject\":\"other-value\",\"format\":\"AVRO\",\"owner\":\"payments\",\"schema\":"
                + JsonBodies.JSON.writeValueAsString(AVRO_V1) + "}", bearer(search), 403);
        assertThat(registry.schemas().versions("team-value", null, false)).hasSize(1);

        call("POST", "/api/v1/schemas/team-value/versions", body(AVRO_V2), bearer(payments), 201);
        call("DELETE", "/api/v1/schemas/team-value", null, bearer(payments), 200);
        JsonNode hard = call("DELETE", "/api/v1/schemas/team-value?permanent=true", null, bearer(payments), 403);
        assertThat(hard.path("error").path("message").asText()).contains("admin");
        call("DELETE", "/api/v1/schemas/team-value?permanent=true", null, bearer(TestKeys.ADMIN_TOKEN), 200);
    }

    private static void register(String subject, String schema, String token, int status) throws Exception {
        call("POST", "/api/v1/schemas", "{\"subject\":\"" + subject + "\",\"format\":\"AVRO\",\"schema\":"
                + JsonBodies.JSON.writeValueAsString(schema) + "}", bearer(token), status);
    }

    private static String body(String schema) throws Exception {
        return "{\"schema\":" + JsonBodies.JSON.writeValueAsString(schema) + "}";
    }

    private static String storedHash(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(StoreDatabase.embeddedUrl(dir));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT secret_hash FROM strata_api_keys WHERE id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonNode call(String method, String path, String body, String authorization, int expected) throws Exception {
        return HttpJson.exchange(server.port(), method, path, body, authorization, expected);
    }
}

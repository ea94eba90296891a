package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/environments/{id}/repair}: the drift report's way back, run as a rollout on real
 * PostgreSQL databases, refused where the environment's policy forbids what it would do, and the report
 * cleared once it ran. A server of its own: the promotion order spans every environment of a server.
 */
class RepairRolloutTest {

    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-repair"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void aDriftedEnvironmentIsTakenBackByARepairRollout() throws Exception {
        String url = TestDatabases.freshPostgres();
        String strictUrl = TestDatabases.freshPostgres();
        send("POST", "/api/v1/environments", Map.of("name", "repair-me", "tier", "dev", "url", url), 201);
        send("POST", "/api/v1/environments", Map.of("name", "repair-strict", "tier", "prod", "url", strictUrl,
                "policy", HttpJson.NO_APPROVALS), 201);
        send("POST", "/api/v1/schemas", Map.of("subject", "crm.tags", "format", "SQL",
                "schema", "CREATE TABLE tags (id bigint PRIMARY KEY, label text);"), 201);
        assertThat(settle(create(Map.of("subject", "crm.tags", "version", 1, "environments", List.of("repair-me", "repair-strict"))))
                .path("state").asText()).isEqualTo("SUCCEEDED");
        send("POST", "/api/v1/environments/repair-me/repair", null, 409);
        for (String target : List.of(url, strictUrl)) {
            TestDatabases.exec(target, "ALTER TABLE tags ADD COLUMN by_hand text", "CREATE INDEX tags_label_by_hand ON tags (label)");
        }
        assertThat(send("POST", "/api/v1/environments/repair-me/sync", null, 200).path("drifted").asBoolean()).isTrue();
        assertThat(send("POST", "/api/v1/environments/repair-strict/sync", null, 200).path("drifted").asBoolean()).isTrue();

        // Going back drops a column someone added: destructive, so prod's default policy refuses it.
        JsonNode refused = send("POST", "/api/v1/environments/repair-strict/repair", null, 422);
        assertThat(refused.path("error").path("message").asText()).contains("does not allow destructive steps", "by_hand");

        JsonNode repair = send("POST", "/api/v1/environments/repair-me/repair", null, 201);
        assertThat(repair.path("repair").asBoolean()).isTrue();
        assertThat(repair.path("version").asInt()).isEqualTo(1);
        assertThat(repair.path("preflight").path("phases").findValuesAsText("statements").toString()
                + repair.path("preflight").path("phases").toString()).contains("by_hand", "tags_label_by_hand");
        JsonNode done = settle(repair);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(TestDatabases.rows(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'tags'"))
                .containsExactlyInAnyOrder("id", "label");
        assertThat(TestDatabases.rows(url, "SELECT indexname FROM pg_indexes WHERE tablename = 'tags'")).doesNotContain("tags_label_by_hand");
        assertThat(send("GET", "/api/v1/environments/repair-me/drift", null, 200).path("drifted").asBoolean())
                .as("the repair checked the environment again").isFalse();
        assertThat(create(Map.of("subject", "crm.tags", "version", 1, "environments", List.of("repair-me"))).path("state").asText())
                .as("no longer refused as drifted").isEqualTo("CREATED");
    }

    private static JsonNode create(Map<String, Object> body) throws Exception {
        return send("POST", "/api/v1/migrations", body, 201);
    }

    private static JsonNode settle(JsonNode rollout) throws Exception {
        send("POST", "/api/v1/migrations/" + rollout.path("id").asLong() + "/execute", null, 202);
        return HttpJson.awaitRollout(server.port(), rollout.path("id").asLong());
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}

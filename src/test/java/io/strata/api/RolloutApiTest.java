package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollouts over HTTP to real PostgreSQL databases standing in for dev, staging and a fleet of prod shards:
 * promotion order enforced, waves (a canary, then the rest), every database migrated and recorded, and the
 * circuit breaker stopping at a failing shard with the migrated ones listed.
 */
class RolloutApiTest {

    private static Registry registry;
    private static ApiServer server;
    private static final Map<String, String> URLS = new java.util.LinkedHashMap<>();

    static final String V1 = "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2));";
    static final String V2 = "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2), note text);";

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-rollout"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        send("POST", "/api/v1/schemas", Map.of("subject", "shop.orders", "format", "SQL", "schema", V1), 201);
        send("POST", "/api/v1/schemas/shop.orders/versions", Map.of("schema", V2), 201);
        for (String[] env : new String[][]{{"dev", "dev", ""}, {"staging", "staging", ""}, {"prod-1", "prod", "prod-shards"},
                {"prod-2", "prod", "prod-shards"}, {"prod-3", "prod", "prod-shards"}}) {
            String url = TestDatabases.freshPostgres();
            URLS.put(env[0], url);
            HttpJson.addEnvironment(server.port(), env[0], env[1], env[2].isEmpty() ? null : env[2], url);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void rollsOutThroughThePromotionOrderInWavesThenStopsAtAFailingShard() throws Exception {
        JsonNode refused = send("POST", "/api/v1/migrations", Map.of("subject", "shop.orders", "version", 1,
                "group", "prod-shards"), 400);
        assertThat(refused.path("error").path("message").asText()).contains("has not succeeded on staging");

        JsonNode created = send("POST", "/api/v1/migrations", Map.of("subject", "shop.orders", "version", 1,
                "waves", List.of("1", "rest"), "concurrency", 2), 201);
        List<String> order = new ArrayList<>();
        List<Integer> waves = new ArrayList<>();
        created.path("environments").forEach(t -> {
            order.add(t.path("environment").asText());
            waves.add(t.path("wave").asInt());
        });
        assertThat(order).containsExactly("dev", "staging", "prod-1", "prod-2", "prod-3");
        assertThat(waves).containsExactly(1, 2, 3, 4, 4);
        long id = created.path("id").asLong();
        assertThat(send("POST", "/api/v1/migrations/" + id + "/execute", null, 202).path("state").asText()).isEqualTo("RUNNING");
        JsonNode done = awaitSettled(id);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        for (String url : URLS.values()) {
            assertThat(TestDatabases.rows(url, "SELECT version FROM strata_history WHERE success")).contains("shop.orders@1");
            assertThat(TestDatabases.rows(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"))
                    .contains("id", "total");
        }

        // A shard that does not answer refuses the rollout before anything runs anywhere.
        send("POST", "/api/v1/environments", Map.of("name", "prod-9", "tier", "prod", "group", "prod-shards",
                "url", "jdbc:postgresql://127.0.0.1:1/gone?user=postgres", "policy", HttpJson.NO_APPROVALS), 201);
        JsonNode unreachable = send("POST", "/api/v1/migrations", Map.of("subject", "shop.orders", "version", "latest",
                "waves", List.of("1", "rest")), 422);
        assertThat(unreachable.path("error").path("code").asText()).isEqualTo("TARGETS_UNREACHABLE");
        assertThat(unreachable.path("error").path("message").asText()).contains("prod-9", "nothing ran");
        assertThat(send("GET", "/api/v1/migrations", null, 200).path("migrations")).hasSize(1);

        // One that goes away after the rollout was created fails there, and the circuit breaker stops the rollout.
        send("DELETE", "/api/v1/environments/prod-9", null, 200);
        String doomed = TestDatabases.freshPostgres();
        send("POST", "/api/v1/environments", Map.of("name", "prod-9", "tier", "prod", "group", "prod-shards", "url", doomed,
                "policy", HttpJson.NO_APPROVALS), 201);
        long second = send("POST", "/api/v1/migrations", Map.of("subject", "shop.orders", "version", "latest",
                "waves", List.of("1", "rest")), 201).path("id").asLong();
        TestDatabases.exec(TestDatabases.postgresServerUrl(), "DROP DATABASE " + TestDatabases.databaseName(doomed) + " WITH (FORCE)");
        send("POST", "/api/v1/migrations/" + second + "/execute", null, 202);
        JsonNode paused = awaitSettled(second);
        assertThat(paused.path("state").asText()).as(paused.toString()).isEqualTo("PAUSED");
        assertThat(paused.path("summary").path("FAILED").asInt()).isEqualTo(1);
        assertThat(paused.path("summary").path("SUCCEEDED").asInt()).isEqualTo(5);
        assertThat(TestDatabases.rows(URLS.get("prod-3"), "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"))
                .contains("note");
        assertThat(send("POST", "/api/v1/migrations/" + second + "/abort", null, 200).path("state").asText()).isEqualTo("ABORTED");
        send("POST", "/api/v1/migrations/" + second + "/execute", null, 409);
        send("GET", "/api/v1/migrations/99999", null, 404);
        assertThat(send("GET", "/api/v1/migrations", null, 200).path("migrations")).hasSize(2);
        String metrics = java.net.http.HttpClient.newHttpClient().send(TestKeys.request(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("strata_rollouts\\{state=\"SUCCEEDED\"\\} [1-9]")
                .containsPattern("strata_rollouts\\{state=\"ABORTED\"\\} 1")
                .contains("strata_rollout_environments_pending");
    }

    @Test
    void aVersionThatBreaksOlderClientsIsRefusedWhereSuchAClientIsLive() throws Exception {
        String url = TestDatabases.freshPostgres();
        send("POST", "/api/v1/schemas", Map.of("subject", "shop.customers", "format", "SQL",
                "schema", "CREATE TABLE customers (id bigint PRIMARY KEY, email text, phone text);"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "c-dev", "tier", "dev", "url", url), 201);
        long first = send("POST", "/api/v1/migrations", Map.of("subject", "shop.customers", "version", 1,
                "environments", List.of("c-dev")), 201).path("id").asLong();
        send("POST", "/api/v1/migrations/" + first + "/execute", null, 202);
        assertThat(awaitSettled(first).path("state").asText()).isEqualTo("SUCCEEDED");
        // Someone changes the database by hand: the sync finds it, and rollouts there are refused until forced.
        TestDatabases.exec(url, "ALTER TABLE customers ADD COLUMN nickname text");
        JsonNode drift = send("POST", "/api/v1/environments/c-dev/sync", null, 200);
        assertThat(drift.path("drifted").asBoolean()).isTrue();
        assertThat(drift.path("subject").asText()).isEqualTo("shop.customers");
        assertThat(drift.path("report").path("changes").toString()).contains("nickname");
        JsonNode refusedForDrift = send("POST", "/api/v1/migrations", Map.of("subject", "shop.customers", "version", 1,
                "environments", List.of("c-dev")), 409);
        assertThat(refusedForDrift.path("error").path("code").asText()).isEqualTo("DRIFTED");
        assertThat(send("POST", "/api/v1/migrations", Map.of("subject", "shop.customers", "version", 1,
                "environments", List.of("c-dev"), "force", true), 201).path("state").asText()).isEqualTo("CREATED");
        TestDatabases.exec(url, "ALTER TABLE customers DROP COLUMN nickname");
        assertThat(send("POST", "/api/v1/environments/c-dev/sync", null, 200).path("drifted").asBoolean()).isFalse();

        // Version 2 drops a column: old readers break.
        send("PUT", "/api/v1/schemas/shop.customers", Map.of("compatibility", "NONE"), 200);
        send("POST", "/api/v1/schemas/shop.customers/versions",
                Map.of("schema", "CREATE TABLE customers (id bigint PRIMARY KEY, email text);"), 201);
        send("POST", "/api/v1/environments/c-dev/clients", Map.of("subject", "shop.customers", "service", "crm",
                "instance", "pod-7", "version", 1), 200);
        assertThat(send("GET", "/api/v1/environments/c-dev/clients", null, 200).path("clients").findValuesAsText("instance"))
                .containsExactly("pod-7");

        long second = send("POST", "/api/v1/migrations", Map.of("subject", "shop.customers", "version", 2,
                "environments", List.of("c-dev")), 201).path("id").asLong();
        send("POST", "/api/v1/migrations/" + second + "/execute", null, 202);
        JsonNode refused = awaitSettled(second);
        assertThat(refused.path("state").asText()).isEqualTo("PAUSED");
        String message = refused.path("environments").get(0).path("message").asText();
        assertThat(message).contains("crm/pod-7 (reads 1, writes 1)", "COLUMN_DROPPED");
        assertThat(TestDatabases.rows(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'"))
                .contains("phone");

        // The client moves to version 2: the same rollout, resumed, goes through.
        send("POST", "/api/v1/environments/c-dev/clients", Map.of("subject", "shop.customers", "service", "crm",
                "instance", "pod-7", "version", 2), 200);
        send("POST", "/api/v1/migrations/" + second + "/execute", null, 202);
        assertThat(awaitSettled(second).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(TestDatabases.rows(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'"))
                .doesNotContain("phone");
    }

    private static JsonNode awaitSettled(long id) throws Exception {
        return HttpJson.awaitRollout(server.port(), id);
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout's life beyond "run it everywhere", on real PostgreSQL databases: a column rename promoted phase
 * by phase (EXPAND, MIGRATE, CONTRACT each through dev, staging and two prod shards), the CONTRACT phase
 * refused on a shard while a client of the old version is live there, then rolled back; a pause between
 * waves; and versions refused before anything runs because they fail lint in a tier.
 */
class RolloutLifecycleTest {

    private static Registry registry;
    private static ApiServer server;
    private static final Map<String, String> URLS = new LinkedHashMap<>();
    private static final List<String> FLEET = List.of("dev", "staging", "prod-a", "prod-b");

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-lifecycle"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        for (String name : FLEET) {
            String url = TestDatabases.freshPostgres();
            URLS.put(name, url);
            Map<String, Object> body = new HashMap<>(Map.of("name", name, "tier", name.startsWith("prod") ? "prod" : name,
                    "url", url));
            if (name.startsWith("prod")) {
                body.put("group", "shards");
                body.put("allowDestructive", true);
                body.put("policy", HttpJson.NO_APPROVALS);
            }
            send("POST", "/api/v1/environments", body, 201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void aRenameIsPromotedPhaseByPhaseAndItsContractWaitsForOldClients() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", "crm.customers", "format", "SQL",
                "schema", "CREATE TABLE customers (id bigint PRIMARY KEY, name text, email text);"), 201);
        assertThat(settle(create(Map.of("subject", "crm.customers", "version", 1, "environments", FLEET))).path("state").asText())
                .isEqualTo("SUCCEEDED");
        send("PUT", "/api/v1/schemas/crm.customers", Map.of("compatibility", "NONE"), 200);
        send("POST", "/api/v1/schemas/crm.customers/versions", Map.of("schema",
                "CREATE TABLE customers (id bigint PRIMARY KEY, full_name text, -- strata:renamed-from name\n email text);"), 201);
        send("POST", "/api/v1/environments/prod-a/clients", Map.of("subject", "crm.customers", "service", "billing",
                "instance", "pod-1", "version", 1), 200);

        JsonNode contractFirst = send("POST", "/api/v1/migrations", Map.of("subject", "crm.customers", "version", 2,
                "phase", "CONTRACT", "environments", FLEET), 400);
        assertThat(contractFirst.path("error").path("message").asText()).contains("CONTRACT phase comes after", "has not succeeded on");

        JsonNode expand = create(Map.of("subject", "crm.customers", "version", 2, "phase", "EXPAND", "environments", FLEET,
                "waves", List.of("1", "rest")));
        List<String> phases = expand.path("preflight").path("phases").findValuesAsText("kind");
        assertThat(phases).startsWith("EXPAND").endsWith("CONTRACT");
        JsonNode prodBeforeStaging = send("POST", "/api/v1/migrations", Map.of("subject", "crm.customers", "version", 2,
                "phase", "EXPAND", "environments", List.of("prod-b")), 400);
        assertThat(prodBeforeStaging.path("error").path("message").asText()).contains("has not succeeded on staging");
        assertThat(settle(expand).path("state").asText()).isEqualTo("SUCCEEDED");
        for (String name : FLEET) {
            assertThat(columns(name)).as(name + " after EXPAND keeps the old name beside the new").contains("name", "full_name");
        }
        JsonNode halfWay = send("POST", "/api/v1/environments/prod-b/sync", null, 200);
        assertThat(halfWay.path("drifted").asBoolean()).as("half way through a phased rollout is not drift: " + halfWay).isFalse();
        assertThat(halfWay.path("report").path("note").asText()).contains("phase by phase", "CONTRACT");
        for (String phase : phases.subList(1, phases.size() - 1)) {
            assertThat(settle(create(Map.of("subject", "crm.customers", "version", 2, "phase", phase, "environments", FLEET)))
                    .path("state").asText()).as(phase).isEqualTo("SUCCEEDED");
        }

        // billing/pod-1 still reads version 1 in prod-a: CONTRACT is refused there, and the breaker stops the rollout.
        JsonNode contract = create(Map.of("subject", "crm.customers", "version", 2, "phase", "CONTRACT", "environments", FLEET));
        JsonNode stopped = settle(contract);
        assertThat(stopped.path("state").asText()).isEqualTo("PAUSED");
        assertThat(stopped.path("note").asText()).contains("circuit breaker", "prod-a");
        JsonNode prodA = task(stopped, "prod-a");
        assertThat(prodA.path("state").asText()).isEqualTo("FAILED");
        assertThat(prodA.path("message").asText()).contains("CONTRACT", "billing/pod-1 (reads 1, writes 1)");
        assertThat(columns("prod-a")).contains("name");
        assertThat(columns("dev")).doesNotContain("name").contains("full_name");

        // The client moves on; resuming retries the refused shard and finishes.
        send("POST", "/api/v1/environments/prod-a/clients", Map.of("subject", "crm.customers", "service", "billing",
                "instance", "pod-1", "version", 2), 200);
        send("POST", "/api/v1/migrations/" + contract.path("id").asLong() + "/resume", null, 202);
        JsonNode resumed = settle(contract);
        assertThat(resumed.path("state").asText()).as(resumed.toString()).isEqualTo("SUCCEEDED");
        for (String name : FLEET) {
            assertThat(columns(name)).as(name + " after CONTRACT").contains("full_name").doesNotContain("name");
        }
        assertThat(send("POST", "/api/v1/environments/prod-b/sync", null, 200).path("drifted").asBoolean()).isFalse();
        JsonNode health = send("GET", "/api/v1/environments/prod-b/health", null, 200);
        assertThat(health.path("versions").path("crm.customers").asInt()).isEqualTo(2);
        assertThat(health.path("lastRollout").path("id").asLong()).isEqualTo(contract.path("id").asLong());
        assertThat(health.path("lastRollout").path("phase").asText()).isEqualTo("CONTRACT");
        assertThat(health.path("lastRollout").path("stateHere").asText()).isEqualTo("SUCCEEDED");
        assertThat(health.path("drift").path("drifted").asBoolean()).isFalse();

        // EXPAND cannot be taken back while CONTRACT, applied after it, stands: each environment says so.
        long expandId = expand.path("id").asLong();
        send("POST", "/api/v1/migrations/" + expandId + "/rollback", null, 202);
        JsonNode refusedBack = HttpJson.awaitRollout(server.port(), expandId);
        assertThat(refusedBack.path("state").asText()).isEqualTo("ROLLED_BACK");
        assertThat(refusedBack.path("summary").path("ROLLBACK_FAILED").asInt()).as(refusedBack.toString()).isEqualTo(FLEET.size());
        assertThat(task(refusedBack, "dev").path("message").asText()).contains("(CONTRACT) was applied after", "roll that back first");
        assertThat(refusedBack.path("note").asText()).contains("could not be taken back");
        assertThat(columns("dev")).contains("full_name").doesNotContain("name");

        // Rolling the CONTRACT rollout back takes each environment back, newest wave first.
        send("POST", "/api/v1/migrations/" + contract.path("id").asLong() + "/rollback", null, 202);
        JsonNode back = settle(contract);
        assertThat(back.path("state").asText()).as(back.toString()).isEqualTo("ROLLED_BACK");
        assertThat(back.path("summary").path("ROLLED_BACK").asInt()).isEqualTo(FLEET.size());
        for (String name : FLEET) {
            assertThat(columns(name)).as(name + " after the rollback").contains("name");
            assertThat(TestDatabases.rows(URLS.get(name), "SELECT count(*) FROM strata_history WHERE rolled_back")).containsExactly("1");
        }
        // With CONTRACT taken back, asking again takes EXPAND back too: version 1's shape everywhere.
        send("POST", "/api/v1/migrations/" + expandId + "/rollback", null, 202);
        JsonNode expandBack = HttpJson.awaitRollout(server.port(), expandId);
        assertThat(expandBack.path("summary").path("ROLLED_BACK").asInt()).as(expandBack.toString()).isEqualTo(FLEET.size());
        for (String name : FLEET) {
            assertThat(columns(name)).as(name + " back at version 1").contains("name").doesNotContain("full_name");
        }
        List<String> order = new ArrayList<>();
        registry.audit().page(0, 1000).stream().filter(e -> e.action().equals("rollout.rolled_back")).forEach(e -> order.add(e.target()));
        assertThat(order).contains("rollout/" + contract.path("id").asLong());
        JsonNode finished = send("GET", "/api/v1/migrations/" + contract.path("id").asLong(), null, 200);
        JsonNode devTask = task(finished, "dev");
        JsonNode prodTask = task(finished, "prod-b");
        assertThat(java.time.Instant.parse(devTask.path("finishedAt").asText()))
                .as("dev, the first wave, is taken back last").isAfterOrEqualTo(java.time.Instant.parse(prodTask.path("finishedAt").asText()));
    }

    @Test
    void aPauseBetweenWavesWaitsForTheOperator() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", "crm.notes", "format", "SQL",
                "schema", "CREATE TABLE notes (id bigint PRIMARY KEY, body text);"), 201);
        JsonNode rollout = create(Map.of("subject", "crm.notes", "version", 1, "environments", List.of("dev", "staging"),
                "betweenWaves", "pause"));
        JsonNode paused = settle(rollout);
        assertThat(paused.path("state").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("note").asText()).contains("paused before wave 2");
        assertThat(task(paused, "dev").path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(task(paused, "staging").path("state").asText()).isEqualTo("PENDING");
        assertThat(TestDatabases.rows(URLS.get("staging"), "SELECT count(*) FROM information_schema.tables WHERE table_name = 'notes'"))
                .containsExactly("0");
        send("POST", "/api/v1/migrations/" + rollout.path("id").asLong() + "/resume", null, 202);
        assertThat(settle(rollout).path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(columns("staging", "notes")).contains("body");
        send("POST", "/api/v1/migrations/" + rollout.path("id").asLong() + "/pause", null, 409);
    }

    @Test
    void aVersionThatFailsLintInATierIsRefusedBeforeAnythingRuns() throws Exception {
        String url = TestDatabases.freshPostgres();
        // Late in the promotion order, so the other tests' rollouts never wait for them.
        send("POST", "/api/v1/environments", Map.of("name", "prod-strict", "tier", "prod", "order", 40, "url", url), 201);
        send("POST", "/api/v1/environments", Map.of("name", "dev-picky", "tier", "dev", "order", 45,
                "url", TestDatabases.freshPostgres(), "lintSeverities", Map.of("DS102", "error")), 201);
        send("POST", "/api/v1/schemas", Map.of("subject", "crm.legacy", "format", "SQL",
                "schema", "CREATE TABLE legacy (id bigint PRIMARY KEY, old_code text);"), 201);
        send("PUT", "/api/v1/schemas/crm.legacy", Map.of("compatibility", "NONE"), 200);
        send("POST", "/api/v1/schemas/crm.legacy/versions", Map.of("schema", "CREATE TABLE legacy (id bigint PRIMARY KEY);"), 201);
        int before = send("GET", "/api/v1/migrations?limit=500", null, 200).path("migrations").size();

        JsonNode strict = send("POST", "/api/v1/migrations", Map.of("subject", "crm.legacy", "version", 2,
                "environments", List.of("prod-strict")), 422);
        assertThat(strict.path("error").path("code").asText()).isEqualTo("POLICY_REFUSED");
        assertThat(strict.path("error").path("message").asText()).contains("fails lint in prod", "does not allow destructive steps",
                "DS102", "old_code");
        JsonNode picky = send("POST", "/api/v1/migrations", Map.of("subject", "crm.legacy", "version", 2,
                "environments", List.of("dev-picky")), 422);
        assertThat(picky.path("error").path("message").asText()).contains("makes DS102 an error");
        assertThat(send("GET", "/api/v1/migrations?limit=500", null, 200).path("migrations").size()).isEqualTo(before);
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'strata_history'"))
                .containsExactly("0");

        // In a tier that allows destructive steps the same drop is a warning, kept with the rollout.
        JsonNode allowed = create(Map.of("subject", "crm.legacy", "version", 2, "environments", List.of("dev")));
        assertThat(allowed.path("preflight").path("lint").path("dev").findValuesAsText("code")).contains("DS102");
        assertThat(allowed.path("preflight").path("lint").path("dev").findValuesAsText("severity")).contains("warning");
    }

    private static JsonNode create(Map<String, Object> body) throws Exception {
        return send("POST", "/api/v1/migrations", body, 201);
    }

    /** Executes a created rollout (or follows one already moving) until nothing moves. */
    private static JsonNode settle(JsonNode rollout) throws Exception {
        long id = rollout.path("id").asLong();
        if (send("GET", "/api/v1/migrations/" + id, null, 200).path("state").asText().equals("CREATED")) {
            send("POST", "/api/v1/migrations/" + id + "/execute", null, 202);
        }
        return HttpJson.awaitRollout(server.port(), id);
    }

    private static JsonNode task(JsonNode rollout, String environment) {
        for (JsonNode t : rollout.path("environments")) {
            if (t.path("environment").asText().equals(environment)) {
                return t;
            }
        }
        throw new AssertionError("no task for " + environment + " in " + rollout);
    }

    private static List<String> columns(String environment) throws Exception {
        return columns(environment, "customers");
    }

    private static List<String> columns(String environment, String table) throws Exception {
        return TestDatabases.rows(URLS.get(environment), "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table + "'");
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}

package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rollouts over HTTP to MariaDB databases (dev, staging, three prod shards): a subject of the mysql dialect,
 * replayed on the server's scratch MariaDB, carried through the promotion order in waves and recorded in each
 * database's own history; a canary shard that cannot take the version stops the rollout before the other
 * shards are touched, and the same rollout, resumed once the shard is fixed, finishes.
 */
class MySqlRolloutTest {

    private static final String SUBJECT = "shop.invoices";
    private static final String V1 = "CREATE TABLE invoices (id bigint PRIMARY KEY, ref varchar(40), total decimal(10,2));";
    /** Adds a column and makes {@code ref} unique: a shard holding a duplicate ref cannot take it. */
    private static final String V2 = "CREATE TABLE invoices (id bigint PRIMARY KEY, ref varchar(40), total decimal(10,2), "
            + "note varchar(200), UNIQUE KEY invoices_ref (ref));";

    private static Registry registry;
    private static ApiServer server;
    private static final Map<String, String> URLS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-mysql-rollout"),
                Map.of("mysql", TestDatabases.mysqlServerUrl()));
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        for (String[] env : new String[][]{{"dev", "dev"}, {"staging", "staging"}, {"shard-1", "prod"},
                {"shard-2", "prod"}, {"shard-3", "prod"}}) {
            String url = TestDatabases.freshMysql();
            URLS.put(env[0], url);
            HttpJson.addEnvironment(server.port(), env[0], env[1], env[1].equals("prod") ? "shards" : null, url);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void anEnvironmentGivenAJdbcMysqlUrlIsReachedLikeApplyReachesIt() throws Exception {
        // Only the MariaDB driver is on the classpath; apply rewrites jdbc:mysql: for it, and so must health and drift.
        String url = "jdbc:mysql:" + TestDatabases.freshMysql().substring("jdbc:mariadb:".length());
        send("POST", "/api/v1/environments", Map.of("name", "mysql-scheme", "tier", "archive", "order", 90, "url", url), 201);
        JsonNode health = send("GET", "/api/v1/environments/mysql-scheme/health", null, 200);
        assertThat(health.path("reachable").asBoolean()).as(health.toString()).isTrue();
        assertThat(send("POST", "/api/v1/environments/mysql-scheme/sync", null, 200).path("drifted").asBoolean()).isFalse();
    }

    @Test
    void rollsOutToMariaDbInWavesAndStopsAtACanaryThatCannotTakeTheVersion() throws Exception {
        send("POST", "/api/v1/schemas", Map.of("subject", SUBJECT, "format", "SQL", "dialect", "mysql", "schema", V1), 201);
        assertThat(send("GET", "/api/v1/schemas/" + SUBJECT, null, 200).path("dialect").asText()).isEqualTo("mysql");
        JsonNode first = rollOut(1);
        assertThat(first.path("state").asText()).as(first.toString()).isEqualTo("SUCCEEDED");
        for (String url : URLS.values()) {
            assertThat(history(url)).as(url).containsExactly(SUBJECT + "@1|1|1|1|1");
            assertThat(columns(url)).containsExactly("id", "ref", "total");
        }

        // A unique ref is new in version 2; the canary shard already holds two invoices with the same one.
        send("PUT", "/api/v1/schemas/" + SUBJECT, Map.of("compatibility", "NONE"), 200);
        send("POST", "/api/v1/schemas/" + SUBJECT + "/versions", Map.of("schema", V2), 201);
        TestDatabases.exec(URLS.get("shard-1"), "INSERT INTO invoices (id, ref) VALUES (1, 'A-1'), (2, 'A-1')");
        JsonNode paused = rollOut(2);
        assertThat(paused.path("state").asText()).as(paused.toString()).isEqualTo("PAUSED");
        assertThat(states(paused)).containsExactly(Map.entry("dev", "SUCCEEDED"), Map.entry("staging", "SUCCEEDED"),
                Map.entry("shard-1", "FAILED"), Map.entry("shard-2", "PENDING"), Map.entry("shard-3", "PENDING"));
        // The pre-flight data checks refuse the canary's plan before its first statement: nothing of version 2 is there.
        assertThat(paused.path("environments").get(2).path("message").asText()).contains("refused")
                .contains("would fail [UNIQUE]: 2 rows of `invoices` have a value of `ref` that another row has (ref A-1)");
        assertThat(columns(URLS.get("shard-1"))).containsExactly("id", "ref", "total");
        assertThat(columns(URLS.get("staging"))).containsExactly("id", "ref", "total", "note");
        assertThat(history(URLS.get("shard-2"))).containsExactly(SUBJECT + "@1|1|1|1|1");
        assertThat(columns(URLS.get("shard-2"))).containsExactly("id", "ref", "total");

        TestDatabases.exec(URLS.get("shard-1"), "UPDATE invoices SET ref = 'A-2' WHERE id = 2");
        long id = paused.path("id").asLong();
        send("POST", "/api/v1/migrations/" + id + "/execute", null, 202);
        JsonNode resumed = awaitSettled(id);
        assertThat(resumed.path("state").asText()).as(resumed.toString()).isEqualTo("SUCCEEDED");
        for (String url : URLS.values()) {
            assertThat(history(url)).as(url).containsExactly(SUBJECT + "@1|1|1|1|1", SUBJECT + "@2|1|2|2|1");
            assertThat(columns(url)).containsExactly("id", "ref", "total", "note");
            assertThat(TestDatabases.rows(url, "SELECT index_name, non_unique FROM information_schema.statistics "
                    + "WHERE table_schema = DATABASE() AND table_name = 'invoices' AND column_name = 'ref'"))
                    .containsExactly("invoices_ref|0");
        }
    }

    /** Rolls {@code version} out to every environment, a canary shard first, and waits for it to settle. */
    private static JsonNode rollOut(int version) throws Exception {
        JsonNode created = send("POST", "/api/v1/migrations", Map.of("subject", SUBJECT, "version", version,
                "waves", List.of("1", "rest"), "concurrency", 2), 201);
        assertThat(created.path("environments").findValuesAsText("wave")).containsExactly("1", "2", "3", "4", "4");
        long id = created.path("id").asLong();
        send("POST", "/api/v1/migrations/" + id + "/execute", null, 202);
        return awaitSettled(id);
    }

    private static Map<String, String> states(JsonNode status) {
        Map<String, String> out = new LinkedHashMap<>();
        status.path("environments").forEach(t -> out.put(t.path("environment").asText(), t.path("state").asText()));
        return out;
    }

    /** Each history row as version|success|statements applied|statements total|finished (1 or 0). */
    private static List<String> history(String url) throws Exception {
        return TestDatabases.rows(url, "SELECT version, success, statements_applied, statements_total, finished_at IS NOT NULL "
                + "FROM strata_history ORDER BY installed_rank");
    }

    private static List<String> columns(String url) throws Exception {
        return TestDatabases.rows(url, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                + "AND table_name = 'invoices' ORDER BY ordinal_position");
    }

    private static JsonNode awaitSettled(long id) throws Exception {
        return HttpJson.awaitRollout(server.port(), id);
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}

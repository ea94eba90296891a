package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import io.strata.app.Registry;
import io.strata.rollout.drift.DetectDrift;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.plan.Step;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan back from drift, on real PostgreSQL and MariaDB databases: changes made by hand after a rollout show in
 * the report and in its repair plan, and the repair's statements, run as they are, bring the environment back to
 * a report without drift. Also: one check of an environment at a time, and unknown environments refused.
 */
class DriftRepairApiTest {

    private static Registry registry;
    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(null, Files.createTempDirectory("strata-drift-repair"),
                Map.of("mysql", TestDatabases.freshMysql()));
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    @Test
    void theRepairOfHandMadeDriftOnPostgresBringsTheVersionBack() throws Exception {
        String url = TestDatabases.freshPostgres();
        send("POST", "/api/v1/schemas", Map.of("subject", "fix.orders", "format", "SQL", "schema",
                "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2) NOT NULL, note text);"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "fix-pg", "tier", "dev", "url", url), 201);
        DriftFixture.rollOut(server.port(), "fix.orders", "fix-pg");
        JsonNode clean = send("POST", "/api/v1/environments/fix-pg/sync", null, 200);
        assertThat(clean.path("drifted").asBoolean()).isFalse();
        assertThat(DriftFixture.statements(clean)).isEmpty();

        // An index added and a column dropped by hand: the way back drops the one and adds the other, losing nothing.
        TestDatabases.exec(url, "CREATE INDEX orders_total_idx ON orders (total)", "ALTER TABLE orders DROP COLUMN note");
        JsonNode drift = send("POST", "/api/v1/environments/fix-pg/sync", null, 200);
        assertThat(drift.path("drifted").asBoolean()).isTrue();
        assertThat(drift.path("report").path("changes").toString()).contains("orders.orders_total_idx", "orders.note");
        List<String> repair = DriftFixture.statements(drift);
        assertThat(repair).anySatisfy(s -> assertThat(s).containsIgnoringCase("DROP INDEX").contains("orders_total_idx"));
        assertThat(repair).anySatisfy(s -> assertThat(s).containsIgnoringCase("ADD COLUMN").contains("note"));
        assertThat(drift.path("repair").path("destructive").asBoolean()).isFalse();
        assertThat(phaseStatements(drift)).containsExactlyElementsOf(repair);
        assertThat(send("GET", "/api/v1/environments/fix-pg/drift", null, 200).path("repair"))
                .as("the report keeps the plan it was checked with").isEqualTo(drift.path("repair"));
        assertThat(documented(drift.path("repair"))).isTrue();

        DetectDrift.Repair planned = registry.drift().repair("fix-pg").orElseThrow();
        assertThat(planned.subject()).isEqualTo("fix.orders");
        assertThat(planned.version()).isEqualTo(1);
        assertThat(planned.plan().steps().stream().map(Step::sql).toList()).isEqualTo(repair);

        TestDatabases.exec(url, repair.toArray(String[]::new));
        JsonNode repaired = send("POST", "/api/v1/environments/fix-pg/sync", null, 200);
        assertThat(repaired.path("drifted").asBoolean()).as(repaired.toString()).isFalse();
        assertThat(DriftFixture.statements(repaired)).isEmpty();

        // A column added by hand: the way back drops it with its values, and says so.
        TestDatabases.exec(url, "ALTER TABLE orders ADD COLUMN nickname text", "INSERT INTO orders (id, total, nickname) VALUES (1, 2, 'x')");
        JsonNode added = send("POST", "/api/v1/environments/fix-pg/sync", null, 200);
        assertThat(added.path("repair").path("destructive").asBoolean()).isTrue();
        assertThat(DriftFixture.statements(added)).anySatisfy(s -> assertThat(s).containsIgnoringCase("DROP COLUMN").contains("nickname"));
        TestDatabases.exec(url, DriftFixture.statements(added).toArray(String[]::new));
        assertThat(send("POST", "/api/v1/environments/fix-pg/sync", null, 200).path("drifted").asBoolean()).isFalse();
        assertThat(TestDatabases.rows(url, "SELECT id, total FROM orders")).containsExactly("1|2.00");
    }

    @Test
    void aFunctionAndItsTriggerDroppedByHandOnPostgresAreDriftAndTheRepairCreatesThemAgain() throws Exception {
        String url = TestDatabases.freshPostgres();
        send("POST", "/api/v1/schemas", Map.of("subject", "fix.audit", "format", "SQL", "schema", """
                CREATE TABLE items (id bigint PRIMARY KEY, changed timestamptz);
                CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql
                    AS $$ BEGIN NEW.changed := now(); RETURN NEW; END $$;
                CREATE TRIGGER items_stamp BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION stamp();
                """), 201);
        send("POST", "/api/v1/environments", Map.of("name", "fix-pg-fn", "tier", "dev", "url", url), 201);
        DriftFixture.rollOut(server.port(), "fix.audit", "fix-pg-fn");
        assertThat(send("POST", "/api/v1/environments/fix-pg-fn/sync", null, 200).path("drifted").asBoolean())
                .as("the rollout created the function and the trigger").isFalse();

        TestDatabases.exec(url, "DROP FUNCTION stamp() CASCADE");
        JsonNode drift = send("POST", "/api/v1/environments/fix-pg-fn/sync", null, 200);
        assertThat(drift.path("drifted").asBoolean()).isTrue();
        assertThat(drift.path("report").path("changes").toString()).contains("stamp()", "items.items_stamp");
        List<String> repair = DriftFixture.statements(drift);
        assertThat(repair).anySatisfy(s -> assertThat(s).startsWith("CREATE OR REPLACE FUNCTION public.stamp()"));
        assertThat(repair).anySatisfy(s -> assertThat(s).startsWith("CREATE TRIGGER items_stamp"));

        TestDatabases.exec(url, repair.toArray(String[]::new));
        assertThat(send("POST", "/api/v1/environments/fix-pg-fn/sync", null, 200).path("drifted").asBoolean()).isFalse();
        TestDatabases.exec(url, "INSERT INTO items (id) VALUES (1)");
        assertThat(TestDatabases.rows(url, "SELECT changed IS NOT NULL FROM items")).containsExactly("t");
    }

    @Test
    void theRepairOfHandMadeDriftOnMariaDbBringsTheVersionBack() throws Exception {
        String url = TestDatabases.freshMysql();
        send("POST", "/api/v1/schemas", Map.of("subject", "fix.accounts", "format", "SQL", "dialect", "mysql", "schema",
                "CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(200) NOT NULL, plan varchar(20));"), 201);
        send("POST", "/api/v1/environments", Map.of("name", "fix-maria", "tier", "dev", "url", url), 201);
        DriftFixture.rollOut(server.port(), "fix.accounts", "fix-maria");

        TestDatabases.exec(url, "CREATE INDEX accounts_email_idx ON accounts (email)", "ALTER TABLE accounts DROP COLUMN plan");
        JsonNode drift = send("POST", "/api/v1/environments/fix-maria/sync", null, 200);
        assertThat(drift.path("drifted").asBoolean()).isTrue();
        assertThat(drift.path("report").path("changes").toString()).contains("accounts.accounts_email_idx", "accounts.plan");
        List<String> repair = DriftFixture.statements(drift);
        assertThat(String.join("\n", repair)).contains("accounts_email_idx", "`plan`");
        assertThat(drift.path("repair").path("destructive").asBoolean()).isFalse();
        assertThat(documented(drift.path("repair"))).isTrue();

        TestDatabases.exec(url, repair.toArray(String[]::new));
        JsonNode repaired = send("POST", "/api/v1/environments/fix-maria/sync", null, 200);
        assertThat(repaired.path("drifted").asBoolean()).as(repaired.toString()).isFalse();
        assertThat(TestDatabases.rows(url, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'accounts'")).contains("plan");
    }

    @Test
    void aTriggerAndAProcedureDroppedByHandOnMariaDbAreDrift() throws Exception {
        String url = TestDatabases.freshMysql();
        send("POST", "/api/v1/schemas", Map.of("subject", "fix.ledger", "format", "SQL", "dialect", "mysql", "schema", """
                CREATE TABLE ledger (id bigint PRIMARY KEY, amount int NOT NULL, seen int NOT NULL DEFAULT 0);
                DELIMITER //
                CREATE TRIGGER ledger_seen BEFORE INSERT ON ledger FOR EACH ROW BEGIN SET NEW.seen = 1; END//
                CREATE PROCEDURE ledger_purge() BEGIN DELETE FROM ledger WHERE amount = 0; END//
                DELIMITER ;
                """), 201);
        send("POST", "/api/v1/environments", Map.of("name", "fix-maria-programs", "tier", "dev", "url", url), 201);
        DriftFixture.rollOut(server.port(), "fix.ledger", "fix-maria-programs");
        assertThat(send("POST", "/api/v1/environments/fix-maria-programs/sync", null, 200).path("drifted").asBoolean())
                .isFalse();

        TestDatabases.exec(url, "DROP TRIGGER ledger_seen", "DROP PROCEDURE ledger_purge");
        JsonNode drift = send("POST", "/api/v1/environments/fix-maria-programs/sync", null, 200);
        assertThat(drift.path("drifted").asBoolean()).isTrue();
        assertThat(drift.path("report").path("changes").findValuesAsText("code"))
                .containsExactlyInAnyOrder("TRIGGER_CHANGED", "ROUTINE_DROPPED");
        assertThat(drift.path("report").path("changes").findValuesAsText("location"))
                .anySatisfy(l -> assertThat(l).endsWith("ledger.ledger_seen"))
                .anySatisfy(l -> assertThat(l).endsWith("ledger_purge"));
        List<String> repair = DriftFixture.statements(drift);
        assertThat(repair).anySatisfy(s -> assertThat(s).startsWith("CREATE TRIGGER `ledger_seen`"))
                .anySatisfy(s -> assertThat(s).startsWith("CREATE PROCEDURE `ledger_purge`"));

        TestDatabases.exec(url, repair.toArray(String[]::new));
        JsonNode repaired = send("POST", "/api/v1/environments/fix-maria-programs/sync", null, 200);
        assertThat(repaired.path("drifted").asBoolean()).as(repaired.toString()).isFalse();
        TestDatabases.exec(url, "INSERT INTO ledger (id, amount) VALUES (1, 5)");
        assertThat(TestDatabases.rows(url, "SELECT seen FROM ledger")).containsExactly("1");
    }

    @Test
    void whileACheckOfAnEnvironmentRunsTheScheduleSkipsIt() throws Exception {
        // A "database" that accepts the connection and never answers: a check of it holds its guard until the socket
        // closes. The listening socket closes first, so that a reconnecting driver is refused rather than queued.
        ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket accepted;
        CompletableFuture<Object> sync;
        try {
            send("POST", "/api/v1/environments", Map.of("name", "fix-silent", "tier", "dev",
                    "url", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db?user=postgres&sslmode=disable"), 201);
            sync = CompletableFuture.supplyAsync(() -> registry.drift().check("fix-silent"));
            accepted = silent.accept();
        } finally {
            silent.close();
        }
        try {
            assertThat(registry.drift().checkUnlessRunning("fix-silent")).as("a check of it is running").isEmpty();
            assertThat(sync).isNotDone();
        } finally {
            accepted.close();
        }
        assertThatThrownBy(sync::join).cause().isInstanceOf(StrataException.class)
                .satisfies(e -> assertThat(((StrataException) e).code()).isEqualTo(ErrorCode.UNREACHABLE));
        assertThat(registry.drift().unreachable("fix-silent")).hasValueSatisfying(m -> assertThat(m).contains("fix-silent"));
        // The guard is free again: this check runs (and finds nothing listening) instead of skipping.
        assertThatThrownBy(() -> registry.drift().checkUnlessRunning("fix-silent")).isInstanceOf(StrataException.class)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void unknownEnvironmentsAreRefused() throws Exception {
        JsonNode missing = send("POST", "/api/v1/environments/no-such-env/sync", null, 404);
        assertThat(missing.path("error").path("message").asText()).contains("no-such-env");
        assertThatThrownBy(() -> registry.drift().repair("no-such-env")).isInstanceOf(StrataException.class)
                .hasMessageContaining("no-such-env");
        assertThat(registry.drift().unreachable("no-such-env")).isEmpty();
    }

    /** The statements of every phase, in order: the same plan as the flat list. */
    private static List<String> phaseStatements(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("repair").path("phases").forEach(p -> p.path("statements").forEach(s -> out.add(s.asText())));
        return out;
    }

    /** Whether the answer's repair has the fields the OpenAPI document requires, and no others. */
    private static boolean documented(JsonNode repair) throws Exception {
        JsonNode schema = send("GET", "/api/v1/openapi.json", null, 200).path("components").path("schemas").path("DriftRepair");
        Set<String> allowed = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(allowed::add);
        List<String> fields = new ArrayList<>();
        repair.fieldNames().forEachRemaining(fields::add);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return !required.isEmpty() && fields.containsAll(required) && allowed.containsAll(fields);
    }

    private static JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
        return HttpJson.send(server.port(), method, path, body, expectedStatus);
    }
}

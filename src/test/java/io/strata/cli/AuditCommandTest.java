package io.strata.cli;

import io.strata.testing.TestKeys;
import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.app.Registry;
import io.strata.store.StoreDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata audit verify} and {@code audit log}, from the store and from a server: an untouched trail
 * verifies; a row edited or removed behind the registry's back (with plain JDBC on the H2 file) is named.
 */
class AuditCommandTest {

    private static final String EVENTS = "examples/events/";

    @TempDir
    Path dir;

    /** Registers three versions (over a server, as a CI job would) and closes everything; returns the events written. */
    private long populate() {
        try (Registry registry = Registry.open(null, dir, Map.of());
             ApiServer server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY))) {
            String url = "http://127.0.0.1:" + server.port();
            String alice = TestKeys.issue(registry, "alice", "developer", null);
            String bob = TestKeys.issue(registry, "bob", "developer", null);
            for (String file : new String[]{"order-v1.avsc", "order-v2.avsc"}) {
                CliRun run = CliRun.of("register", "orders-value", EVENTS + file, "--server", url, "--token", alice);
                assertThat(run.exitCode()).as(run.err()).isZero();
            }
            CliRun other = CliRun.of("register", "payments-value", EVENTS + "order-v1.avsc", "--server", url, "--token", bob);
            assertThat(other.exitCode()).as(other.err()).isZero();
            return registry.audit().page(0, 1000).size();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(StoreDatabase.embeddedUrl(dir));
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(statement)).as(statement).isEqualTo(1);
        }
    }

    private long maxSeq() throws SQLException {
        try (Connection c = DriverManager.getConnection(StoreDatabase.embeddedUrl(dir));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(seq) FROM strata_audit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anUntouchedTrailVerifies() {
        long events = populate();
        assertThat(events).isGreaterThanOrEqualTo(3);

        CliRun run = CliRun.of("audit", "verify", "--store-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("audit trail intact: " + events + " events verified\n");
    }

    @Test
    void anEditedEventIsNamed() throws SQLException {
        populate();
        sql("UPDATE strata_audit SET actor = 'mallory' WHERE seq = 2");

        CliRun run = CliRun.of("audit", "verify", "--store-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("audit trail broken at event 2: ").contains("altered");

        CliRun json = CliRun.of("audit", "verify", "--store-dir", dir.toString(), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.json().get("intact").asBoolean()).isFalse();
        assertThat(json.json().get("firstBroken").asLong()).isEqualTo(2);
    }

    @Test
    void theRemovedLastEventIsNamed() throws SQLException {
        long events = populate();
        assertThat(maxSeq()).isEqualTo(events);
        sql("DELETE FROM strata_audit WHERE seq = " + events);

        CliRun run = CliRun.of("audit", "verify", "--store-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("audit trail broken at event " + events + ": ").contains("removed");
    }

    @Test
    void theServerGivesTheSameVerdict() throws SQLException {
        populate();
        sql("UPDATE strata_audit SET target = 'subject/elsewhere' WHERE seq = 3");
        try (Registry registry = Registry.open(null, dir, Map.of());
             ApiServer server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY))) {
            CliRun run = CliRun.of("audit", "verify", "--server", "http://127.0.0.1:" + server.port());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).startsWith("audit trail broken at event 3: ");
        }
    }

    @Test
    void theLogPagesThroughEventsFromEitherSource() {
        long events = populate();
        CliRun all = CliRun.of("audit", "log", "--store-dir", dir.toString(), "--format", "json");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.json().get("events")).hasSize((int) events);
        assertThat(all.json().get("events")).anyMatch(e -> e.get("actor").asText().startsWith("bob (key k")
                && e.get("target").asText().contains("payments-value"));

        CliRun page = CliRun.of("audit", "log", "--store-dir", dir.toString(), "--after", "1", "--limit", "2");
        assertThat(page.exitCode()).as(page.err()).isZero();
        assertThat(page.out().lines().toList()).hasSize(3);
        assertThat(page.out().lines().skip(1).map(l -> l.split("\\s+")[0]).toList()).containsExactly("2", "3");

        try (Registry registry = Registry.open(null, dir, Map.of());
             ApiServer server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY))) {
            CliRun remote = CliRun.of("audit", "log", "--server", "http://127.0.0.1:" + server.port(), "--after", "1",
                    "--limit", "2");
            assertThat(remote.exitCode()).as(remote.err()).isZero();
            assertThat(remote.out()).isEqualTo(page.out());
        }
    }

    @Test
    void aStoreDirectoryThatDoesNotExistIsNotAnEmptyTrail() {
        CliRun run = CliRun.of("audit", "verify", "--store-dir", dir.resolve("nowhere").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no store under");
    }
}

package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code strata apply} resumed after a run that died between a statement's end and its mark, on MariaDB (where
 * every DDL statement commits on its own) and PostgreSQL (an index built CONCURRENTLY). The lost mark is made
 * over JDBC as the crash leaves it: the marks from that statement on cleared, the history row unfinished, and
 * whatever ran after the statement undone. The resumed apply finds the statement landed, marks it without
 * running it (running it again fails, which the test shows), runs the rest, and leaves the target schema with
 * every statement recorded once. Where the statement did not land (its effect undone too) the resumed apply runs it.
 */
class LostMarkResumeTest {

    /**
     * @param lost     how many trailing statements lost their marks; the first of them was in flight
     * @param undo     what undoes the statements after the one in flight (and the in-flight one when it did not land)
     * @param inFlight text of the statement in flight, so a change of the plan's order shows here
     * @param landed   whether the statement in flight took effect
     */
    record Scenario(String name, boolean mysql, String base, String target, int lost, List<String> undo, String inFlight,
                    boolean landed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String MYSQL_KEYS_BASE = "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, v int, p_id int)";
    /** Planned as: CREATE audit, ADD COLUMN note, ADD KEY t_p, ADD KEY t_v, the orphan check, ADD the foreign key (in place). */
    private static final String MYSQL_KEYS_TARGET = "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, v int,"
            + " p_id int, note varchar(40), KEY t_v (v), CONSTRAINT t_p FOREIGN KEY (p_id) REFERENCES p (id));"
            + " CREATE TABLE audit (id int PRIMARY KEY)";
    private static final String MYSQL_DROPS_BASE = "CREATE TABLE t (id int PRIMARY KEY, v int, old_note varchar(20));"
            + " CREATE TABLE legacy (id int PRIMARY KEY); INSERT INTO legacy VALUES (1), (2)";
    /** Planned as: ADD COLUMN w, MODIFY v, the backup of old_note, DROP COLUMN old_note, the backup of legacy, DROP TABLE legacy. */
    private static final String MYSQL_DROPS_TARGET = "CREATE TABLE t (id int PRIMARY KEY, v bigint, w int)";
    private static final String PG_BASE = "CREATE TABLE t (id int PRIMARY KEY, v int, code text); INSERT INTO t VALUES (1, 1, 'a'), (2, 2, 'b')";
    /** Planned as: ADD COLUMN note (in a transaction), then CREATE UNIQUE INDEX t_code and CREATE INDEX t_v, each CONCURRENTLY. */
    private static final String PG_TARGET = "CREATE TABLE t (id int PRIMARY KEY, v int, code text, note text);"
            + " CREATE UNIQUE INDEX t_code ON t (code); CREATE INDEX t_v ON t (v)";

    static List<Scenario> scenarios() {
        return List.of(
                new Scenario("MariaDB: foreign key added in place", true, MYSQL_KEYS_BASE, MYSQL_KEYS_TARGET, 1, List.of(),
                        "SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `t` ADD CONSTRAINT `t_p` FOREIGN KEY", true),
                new Scenario("MariaDB: foreign key not added yet", true, MYSQL_KEYS_BASE, MYSQL_KEYS_TARGET, 1,
                        List.of("ALTER TABLE t DROP FOREIGN KEY t_p"), "ADD CONSTRAINT `t_p` FOREIGN KEY", false),
                new Scenario("MariaDB: index added", true, MYSQL_KEYS_BASE, MYSQL_KEYS_TARGET, 3,
                        List.of("ALTER TABLE t DROP FOREIGN KEY t_p"), "ALTER TABLE `t` ADD KEY `t_v` (`v`)", true),
                new Scenario("MariaDB: table dropped", true, MYSQL_DROPS_BASE, MYSQL_DROPS_TARGET, 1, List.of(),
                        "DROP TABLE `legacy`", true),
                new Scenario("MariaDB: backup copied before a drop", true, MYSQL_DROPS_BASE, MYSQL_DROPS_TARGET, 2,
                        List.of("CREATE TABLE legacy (id int PRIMARY KEY)", "INSERT INTO legacy VALUES (1), (2)"),
                        "AS SELECT `id` FROM", true),
                new Scenario("PostgreSQL: index built concurrently", false, PG_BASE, PG_TARGET, 1, List.of(),
                        "CREATE INDEX CONCURRENTLY \"t_v\"", true),
                new Scenario("PostgreSQL: unique index built concurrently", false, PG_BASE, PG_TARGET, 2,
                        List.of("DROP INDEX t_v"), "CREATE UNIQUE INDEX CONCURRENTLY \"t_code\"", true),
                new Scenario("PostgreSQL: index not built yet", false, PG_BASE, PG_TARGET, 1, List.of("DROP INDEX t_v"),
                        "CREATE INDEX CONCURRENTLY \"t_v\"", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aResumedApplyRunsNoStatementTwice(Scenario s) throws Exception {
        String url = fresh(s.mysql());
        String target = fresh(s.mysql());
        TestDatabases.exec(url, s.base().split(";\\s*"));
        TestDatabases.exec(target, s.target().split(";\\s*"));
        CliRun first = apply(s.mysql(), url, target);
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        int total = steps(url).size();
        int from = total - s.lost() + 1;
        String inFlight = steps(url).get(from - 1);
        assertThat(inFlight).contains(s.inFlight());

        // The crash, as it leaves the database: statement `from` finished (or not), its mark and those after it lost.
        TestDatabases.exec(url, s.undo().toArray(String[]::new));
        TestDatabases.exec(url, "UPDATE strata_history_steps SET applied_at = NULL WHERE ordinal >= " + from,
                "UPDATE strata_history SET statements_applied = " + (from - 1) + ", finished_at = NULL, success = false");
        JsonNode before = history(url);
        assertThat(before.get(0).get("state").asText()).isEqualTo("incomplete");
        assertThat(before.get(0).get("statementsApplied").asInt()).isEqualTo(from - 1);

        CliRun resumed = apply(s.mysql(), url, target);
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        JsonNode result = resumed.json().get("results").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(result.get("statementsApplied").asInt()).isEqualTo(total);

        JsonNode history = history(url);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("state").asText()).isEqualTo("success");
        assertThat(history.get(0).get("statementsApplied").asInt()).isEqualTo(total);
        assertThat(appliedOrdinals(url)).containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        CliRun diff = CliRun.of(diffArgs(s.mysql(), url, target));
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
        if (s.landed()) {
            // What had landed fails when run again: the resumed apply, which succeeded, cannot have run it.
            assertThatThrownBy(() -> TestDatabases.exec(url, inFlight)).isInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * A unique index built CONCURRENTLY over duplicate values fails and leaves an INVALID index, as a build cut
     * short does (kept with --no-revert); once the data is fixed, the resumed apply drops that index and builds it again.
     */
    @Test
    void aConcurrentBuildLeftInvalidIsDroppedAndBuiltAgain() throws Exception {
        String url = fresh(false);
        String target = fresh(false);
        TestDatabases.exec(url, PG_BASE.split(";\\s*"));
        TestDatabases.exec(url, "UPDATE t SET code = 'a'");
        TestDatabases.exec(target, PG_TARGET.split(";\\s*"));
        // The pre-flight data check would refuse the plan before the build: skipped, to leave the build invalid.
        CliRun failed = CliRun.of("apply", "--dialect", "postgres", "--dev-url", dev(false), target, "--url", url,
                "--version", "1", "--format", "json", "--skip-data-checks", "--no-revert");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(TestDatabases.rows(url, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 't_code'")).containsExactly("f");

        TestDatabases.exec(url, "UPDATE t SET code = 'b' WHERE id = 2");
        CliRun resumed = apply(false, url, target);
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 't_code'")).containsExactly("t");
        JsonNode history = history(url);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("state").asText()).isEqualTo("success");
        assertThat(history.get(0).get("statementsApplied").asInt()).isEqualTo(steps(url).size());
    }

    private static String fresh(boolean mysql) {
        return mysql ? TestDatabases.freshMysql() : TestDatabases.freshPostgres();
    }

    private static String dev(boolean mysql) {
        return mysql ? TestDatabases.mysqlServerUrl() : TestDatabases.postgresServerUrl();
    }

    private static CliRun apply(boolean mysql, String url, String target) {
        return CliRun.of("apply", "--dialect", mysql ? "mysql" : "postgres", "--dev-url", dev(mysql), target, "--url", url,
                "--version", "1", "--format", "json");
    }

    private static String[] diffArgs(boolean mysql, String url, String target) {
        return new String[]{"diff", "--dialect", mysql ? "mysql" : "postgres", "--dev-url", dev(mysql), url, target,
                "--format", "json"};
    }

    private static JsonNode history(String url) {
        return CliRun.of("status", "--url", url, "--format", "json").json().get("history");
    }

    /** The statements of the one recorded run, in order. */
    private static List<String> steps(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabases.connect(url);
             PreparedStatement ps = c.prepareStatement("SELECT statement FROM strata_history_steps ORDER BY ordinal");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<Integer> appliedOrdinals(String url) throws SQLException {
        return TestDatabases.rows(url, "SELECT ordinal FROM strata_history_steps WHERE applied_at IS NOT NULL ORDER BY ordinal")
                .stream().map(Integer::valueOf).toList();
    }
}

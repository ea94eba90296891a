package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code strata apply} process killed between two statements of a MariaDB plan (no transactional
 * DDL, so each statement is recorded as it lands): the next apply resumes at the first statement not
 * applied, finishes, and the history shows every statement exactly once.
 */
class MySqlCrashResumeTest {

    private static final String BASE = """
            CREATE TABLE t (id int PRIMARY KEY, v int);
            CREATE TABLE u (id int PRIMARY KEY);
            """;
    /** Planned as: CREATE audit, CREATE zlog, ALTER t (held up below), ALTER u. */
    private static final String TARGET = """
            CREATE TABLE t (id int PRIMARY KEY, v int, note varchar(40));
            CREATE TABLE u (id int PRIMARY KEY, w int);
            CREATE TABLE audit (id int PRIMARY KEY);
            CREATE TABLE zlog (id int PRIMARY KEY);
            """;

    @Test
    void aKilledApplyIsResumedAndNoStatementRunsTwice() throws Exception {
        String dev = TestDatabases.mysqlServerUrl();
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, BASE.split(";\\s*"));
        // The desired schema as a reference database: the same source for the killed run and the resumed one.
        String target = TestDatabases.freshMysql();
        TestDatabases.exec(target, TARGET.split(";\\s*"));

        Process process;
        try (Connection holder = TestDatabases.connect(url); Statement hold = holder.createStatement()) {
            // Reading t in an open transaction keeps its metadata lock: the ALTER of t, and so the
            // run, stops after the statements before it, with a lock timeout long enough to be killed there.
            holder.setAutoCommit(false);
            hold.execute("SELECT * FROM t");
            process = startApply(dev, url, target);
            try {
                long session = awaitWaitingAlter(url, process);
                assertThat(appliedOrdinals(url)).as("statements recorded before the kill").isNotEmpty().hasSizeLessThan(4);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                // The ALTER must not run later, in a session outliving its process.
                MySqlSessions.end(url, session);
            } finally {
                process.destroyForcibly();
            }
            holder.rollback();
        }

        CliRun resumed = CliRun.of("apply", "--dialect", "mysql", "--dev-url", dev, target, "--url", url,
                "--version", "1", "--format", "json");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.json().get("results").get(0).get("outcome").asText()).isEqualTo("APPLIED");

        CliRun diff = CliRun.of("diff", "--dialect", "mysql", "--dev-url", dev, url, target, "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();

        var history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("state").asText()).isEqualTo("success");
        assertThat(history.get(0).get("statementsApplied").asInt()).isEqualTo(4);
        // Each statement once: one step row per ordinal, each applied; running one twice would also have
        // failed the resumed run (the table or column would already exist).
        assertThat(appliedOrdinals(url)).containsExactly(1, 2, 3, 4);
        assertThat(stepCount(url)).isEqualTo(4);
    }

    /** {@code strata apply} in its own JVM, so it can be killed like a crashed deploy job. */
    private static Process startApply(String dev, String url, String target) throws Exception {
        String classpath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(javaBin.toString(), "-cp", classpath, "io.strata.cli.StrataCli", "apply",
                "--dialect", "mysql", "--dev-url", dev, target, "--url", url, "--version", "1",
                "--lock-timeout", "60s", "--retries", "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The connection id of the child's ALTER once it waits for the held table; fails if the child ends first. */
    private static long awaitWaitingAlter(String url, Process process) throws Exception {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            while (true) {
                assertThat(process.isAlive()).as("apply ended before it reached the held table").isTrue();
                try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = DATABASE() "
                        + "AND state LIKE 'Waiting for table metadata lock%' AND info LIKE 'ALTER TABLE `t`%'")) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    private static List<Integer> appliedOrdinals(String url) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ordinal FROM strata_history_steps WHERE applied_at IS NOT NULL ORDER BY ordinal")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static int stepCount(String url) throws SQLException {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM strata_history_steps")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MariaDB a migration file's INSERT and its history mark commit in one transaction: a {@code strata migrate}
 * killed after the INSERT ran but before its mark was written leaves neither, and the resumed run inserts the
 * rows once. (Before, the INSERT committed on its own and the resumed run inserted every row a second time.)
 */
class MySqlExactlyOnceDmlTest {

    @TempDir
    Path dir;

    @Test
    void anInsertKilledBeforeItsMarkIsAppliedOnceOnResume() throws Exception {
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, "CREATE TABLE loads (v int)");
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        // SLEEP gives the test time to hold the history row the mark will update, before the INSERT ends.
        Files.writeString(migrations.resolve("V1__load.sql"),
                "INSERT INTO loads (v) SELECT seq FROM (SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3) s "
                        + "WHERE SLEEP(1) = 0;\n");
        assertThat(CliRun.of("migrate", "hash", "--dir", migrations.toString()).exitCode()).isZero();

        Process process = startMigrate(url, migrations);
        try (Connection holder = TestDatabases.connect(url); Statement hold = holder.createStatement()) {
            try {
                awaitStepRecorded(url, process);
                holder.setAutoCommit(false);
                hold.executeQuery("SELECT * FROM strata_history_steps WHERE installed_rank = 1 AND ordinal = 1 FOR UPDATE")
                        .close();
                long session = awaitMarkWaiting(url, process);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                MySqlSessions.end(url, session);
            } finally {
                process.destroyForcibly();
            }
            holder.rollback();
        }
        // The killed run's INSERT went with its transaction.
        assertThat(TestDatabases.rows(url, "SELECT COUNT(*) FROM loads")).containsExactly("0");

        CliRun resumed = CliRun.of("migrate", "--dir", migrations.toString(), "--url", url, "--format", "json");
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT v FROM loads ORDER BY v")).containsExactly("1", "2", "3");
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("history")
                .findValuesAsText("state")).contains("success");
    }

    /** {@code strata migrate} in its own JVM, so it can be killed like a crashed deploy job. */
    private static Process startMigrate(String url, Path migrations) throws Exception {
        String classpath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(javaBin.toString(), "-cp", classpath, "io.strata.cli.StrataCli", "migrate",
                "--dir", migrations.toString(), "--url", url, "--lock-timeout", "60s", "--retries", "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void awaitStepRecorded(String url, Process process) throws Exception {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            while (true) {
                assertThat(process.isAlive()).as("migrate ended before its step was recorded").isTrue();
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM strata_history_steps")) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return;
                    }
                } catch (SQLException notYet) {
                    // the history tables are not created yet
                }
                Thread.sleep(10);
            }
        }
    }

    /** The session of the child once its history mark waits for the row the test holds. */
    private static long awaitMarkWaiting(String url, Process process) throws Exception {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            while (true) {
                assertThat(process.isAlive()).as("migrate ended before it marked the INSERT").isTrue();
                try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = DATABASE() "
                        + "AND info LIKE 'UPDATE %strata_history_steps% SET applied_at%'")) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                Thread.sleep(20);
            }
        }
    }
}

package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata apply} while another session holds the table the plan alters: the ALTER gives way at
 * its lock timeout and retries, so it gets through once the holder ends, fails cleanly when the holder
 * outlasts every retry, and never keeps other writers queued behind it while it waits.
 */
class LockTimeoutTest {

    private static final String BASE = "CREATE TABLE t (id int PRIMARY KEY, v int);\n";
    private static final String TARGET = BASE.replace("v int", "v int, note varchar(40)")
            + "CREATE TABLE audit (id int PRIMARY KEY);\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void aHolderReleasedWhileTheStepRetriesLetsItThrough(String dialect) throws Exception {
        Scene scene = Scene.of(dialect, dir);
        try (Holder holder = scene.hold()) {
            CompletableFuture<CliRun> apply = scene.applyAsync("200ms", 5, "100ms");
            // Two distinct waiting attempts prove the step gave way and came back, not merely that it waited.
            scene.awaitWaitingAttempts(2, apply);
            holder.release();
            CliRun run = apply.get(60, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.json().get("results").get(0).get("outcome").asText()).isEqualTo("APPLIED");
        }
        JsonNode row = scene.onlyHistoryRow();
        assertThat(row.get("state").asText()).isEqualTo("success");
        assertThat(row.get("statementsApplied").asInt()).isEqualTo(row.get("statementsTotal").asInt()).isEqualTo(2);
        assertThat(scene.hasNoteColumn()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void aHolderThatOutlastsEveryRetryFailsTheRunCleanly(String dialect) throws Exception {
        Scene scene = Scene.of(dialect, dir);
        CliRun run;
        try (Holder ignored = scene.hold()) {
            run = scene.apply("200ms", 1, "100ms", "text");
        }
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("version 1, statement").contains("ALTER TABLE")
                .containsIgnoringCase(scene.postgres() ? "lock timeout" : "lock wait timeout");

        JsonNode row = scene.onlyHistoryRow();
        assertThat(row.get("success").asBoolean()).isFalse();
        assertThat(row.get("error").asText()).containsIgnoringCase("lock");
        // The history tells exactly what ran: each step is marked applied if and only if its effect is there.
        List<StepRow> steps = scene.steps();
        assertThat(row.get("statementsApplied").asInt()).isEqualTo((int) steps.stream().filter(StepRow::applied).count());
        assertThat(scene.hasNoteColumn()).isFalse();
        for (StepRow step : steps) {
            boolean effect = step.sql().contains("note") ? scene.hasNoteColumn() : scene.hasAuditTable();
            assertThat(step.applied()).as(step.sql()).isEqualTo(effect);
        }
        if (scene.postgres()) {
            // One transaction on PostgreSQL: the CREATE TABLE that ran before the ALTER was rolled back with it.
            assertThat(row.get("statementsApplied").asInt()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void writersAreNotQueuedBehindAWaitingStep(String dialect) throws Exception {
        Scene scene = Scene.of(dialect, dir);
        int writes = 20;
        AtomicBoolean released = new AtomicBoolean();
        AtomicInteger completed = new AtomicInteger();
        AtomicBoolean finishedWhileHeld = new AtomicBoolean();
        try (Holder holder = scene.hold()) {
            CompletableFuture<CliRun> apply = scene.applyAsync("200ms", 8, "100ms");
            scene.awaitWaitingAttempts(1, apply);
            // The writer's own timeout is generous: were it queued behind the migration's pending
            // exclusive lock until the holder ends, it would wait, not fail, and finish too late.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                scene.write(writes, completed);
                finishedWhileHeld.set(!released.get());
            });
            try {
                writer.get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillQueued) {
                // asserted below: the writer did not finish while the table was held
            }
            released.set(true);
            holder.release();
            writer.get(30, TimeUnit.SECONDS);
            CliRun run = apply.get(60, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(completed.get()).isEqualTo(writes);
        assertThat(finishedWhileHeld.get()).as("the writer finished all its writes before the holder released").isTrue();
        assertThat(scene.onlyHistoryRow().get("state").asText()).isEqualTo("success");
    }

    /** One step of {@code strata_history_steps}. */
    record StepRow(String sql, boolean applied) {
    }

    /** A session keeping the table {@code t} in use inside an open transaction. */
    record Holder(Connection connection) implements AutoCloseable {

        void release() throws SQLException {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        }

        @Override
        public void close() throws SQLException {
            release();
            connection.close();
        }
    }

    /** A fresh database at {@link #BASE} on one dialect, with the files and queries a test needs. */
    record Scene(String dialect, String url, String devUrl, Path target) {

        static Scene of(String dialect, Path dir) throws Exception {
            boolean pg = dialect.equals("postgres");
            String url = pg ? TestDatabases.freshPostgres() : TestDatabases.freshMysql();
            TestDatabases.exec(url, BASE.trim(), "INSERT INTO t VALUES (1, 1), (2, 2)");
            Path target = dir.resolve("target-" + dialect + ".sql");
            Files.writeString(target, TARGET);
            return new Scene(dialect, url, pg ? TestDatabases.postgresServerUrl() : TestDatabases.mysqlServerUrl(), target);
        }

        boolean postgres() {
            return dialect.equals("postgres");
        }

        Holder hold() throws SQLException {
            Connection c = TestDatabases.connect(url);
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // PostgreSQL: the weakest table lock still conflicts with ALTER TABLE's ACCESS EXCLUSIVE;
                // MariaDB: reading the table in a transaction keeps its shared metadata lock until the end.
                s.execute(postgres() ? "LOCK TABLE t IN ACCESS SHARE MODE" : "SELECT * FROM t");
            }
            return new Holder(c);
        }

        CliRun apply(String lockTimeout, int retries, String backoff, String format) {
            // MariaDB's lock_wait_timeout is whole seconds, so the executor rounds 200ms up to 1 s there.
            return CliRun.of("apply", "--dialect", dialect, "--dev-url", devUrl, target.toString(), "--url", url,
                    "--version", "1", "--lock-timeout", lockTimeout, "--retries", String.valueOf(retries),
                    "--backoff", backoff, "--format", format);
        }

        CompletableFuture<CliRun> applyAsync(String lockTimeout, int retries, String backoff) {
            return CompletableFuture.supplyAsync(() -> apply(lockTimeout, retries, backoff, "json"));
        }

        /**
         * Waits until the migration's ALTER has been seen waiting for the table in {@code attempts}
         * distinct statements (PostgreSQL: query start, MariaDB: query id), or the apply ended.
         */
        void awaitWaitingAttempts(int attempts, CompletableFuture<CliRun> apply) throws Exception {
            String sql = postgres()
                    ? "SELECT query_start::text FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock' AND query ILIKE 'ALTER TABLE%'"
                    : "SELECT CAST(query_id AS CHAR) FROM information_schema.processlist WHERE db = DATABASE() "
                    + "AND state LIKE 'Waiting for table metadata lock%' AND info LIKE 'ALTER TABLE%'";
            Set<String> seen = new HashSet<>();
            try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
                while (seen.size() < attempts) {
                    assertThat(apply).as("apply ended before it was seen waiting " + attempts + " time(s)").isNotDone();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            seen.add(rs.getString(1));
                        }
                    }
                    Thread.sleep(10);
                }
            }
        }

        /** {@code count} rounds of INSERT plus UPDATE, in autocommit, each allowed to wait 30 s for its locks. */
        void write(int count, AtomicInteger completed) {
            try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, 0)");
                 PreparedStatement update = c.prepareStatement("UPDATE t SET v = v + 1 WHERE id = 1")) {
                if (postgres()) {
                    s.execute("SET lock_timeout = '30s'");
                } else {
                    s.execute("SET SESSION lock_wait_timeout = 30");
                    s.execute("SET SESSION innodb_lock_wait_timeout = 30");
                }
                for (int i = 0; i < count; i++) {
                    insert.setInt(1, 1000 + i);
                    insert.executeUpdate();
                    update.executeUpdate();
                    completed.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("writer failed: " + e.getMessage(), e);
            }
        }

        JsonNode onlyHistoryRow() {
            CliRun status = CliRun.of("status", "--url", url, "--format", "json");
            JsonNode rows = status.json().get("history");
            assertThat(rows).as(status.out()).hasSize(1);
            return rows.get(0);
        }

        List<StepRow> steps() throws SQLException {
            List<StepRow> out = new ArrayList<>();
            try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT statement, applied_at FROM strata_history_steps ORDER BY ordinal")) {
                while (rs.next()) {
                    out.add(new StepRow(rs.getString(1), rs.getTimestamp(2) != null));
                }
            }
            return out;
        }

        boolean hasNoteColumn() throws SQLException {
            return exists("SELECT 1 FROM information_schema.columns WHERE table_name = 't' AND column_name = 'note' AND "
                    + (postgres() ? "table_catalog = current_database()" : "table_schema = DATABASE()"));
        }

        boolean hasAuditTable() throws SQLException {
            return exists("SELECT 1 FROM information_schema.tables WHERE table_name = 'audit' AND "
                    + (postgres() ? "table_catalog = current_database()" : "table_schema = DATABASE()"));
        }

        private boolean exists(String sql) throws SQLException {
            try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next();
            }
        }
    }
}

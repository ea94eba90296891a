package io.strata.bench;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.Batch;
import io.strata.migrate.Migration;
import io.strata.migrate.TargetSession;
import io.strata.testing.TestDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LockQueueBench measures how long writers wait behind a migration that waits behind a long
 * transaction. A session keeps the table in use for {@value #HOLD_MS} ms while a migration adds a
 * column to it through {@link TargetSession} and two writers insert into it as fast as they can, each
 * allowed to wait 60 s for its locks. With Strata's lock timeout the ALTER gives way and retries, so
 * no write should wait longer than that timeout; the "no timeout" run (60 s) shows the queue it avoids.
 *
 * <pre>java -cp ... io.strata.bench.LockQueueBench</pre>
 */
public final class LockQueueBench {

    private static final long HOLD_MS = 8_000;

    /** A table-holding statement and a writer's session settings on one dialect. */
    private record Target(String label, Dialect dialect, String url, String hold, List<String> writerSettings, String alter) {
    }

    /** What one run measured: the longest single write, how many writes completed, and the apply outcome. */
    private record Outcome(double maxWaitMs, long writes, String apply) {
    }

    private LockQueueBench() {
    }

    public static void main(String[] args) throws Exception {
        String pg = TestDatabases.freshPostgres();
        String my = TestDatabases.freshMysql();
        List<Target> targets = List.of(
                new Target("postgres", Dialects.byName("postgres"), pg, "LOCK TABLE t IN ACCESS SHARE MODE",
                        List.of("SET lock_timeout = '60s'"), "ALTER TABLE t ADD COLUMN c%d int"),
                new Target("mariadb", Dialects.byName("mysql"), my, "SELECT COUNT(*) FROM t",
                        List.of("SET SESSION lock_wait_timeout = 60", "SET SESSION innodb_lock_wait_timeout = 60"),
                        "ALTER TABLE t ADD COLUMN c%d int, ALGORITHM=INSTANT"));
        int column = 0;
        for (Target target : targets) {
            TestDatabases.exec(target.url(), "CREATE TABLE t (id bigint PRIMARY KEY, v int)");
            for (Duration timeout : List.of(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(60))) {
                Outcome o = run(target, String.format(target.alter(), ++column), timeout);
                System.out.printf("RESULT lock-queue %s, lock timeout %s: longest writer wait %.0f ms over %d writes "
                                + "while a transaction held the table %d ms (apply %s)%n",
                        target.label(), timeout.toMillis() >= 60_000 ? "60 s (no real timeout)" : timeout.toMillis() + " ms",
                        o.maxWaitMs(), o.writes(), HOLD_MS, o.apply());
            }
        }
    }

    private static Outcome run(Target target, String alter, Duration lockTimeout) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong maxWait = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicLong nextId = new AtomicLong(System.nanoTime());
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        try (Connection holder = TestDatabases.connect(target.url()); Statement h = holder.createStatement()) {
            holder.setAutoCommit(false);
            h.execute(target.hold());
            for (int i = 0; i < 2; i++) {
                writers.add(CompletableFuture.runAsync(() -> write(target, stop, maxWait, writes, nextId)));
            }
            // Retries enough to outlast the holder whatever the timeout: the backoff doubles from 100 ms.
            ApplySettings settings = new ApplySettings(lockTimeout, Duration.ofSeconds(30), 10, Duration.ofMillis(100), null,
                    ApplySettings.DEFAULT_BATCH_SIZE, Duration.ZERO);
            CompletableFuture<String> apply = CompletableFuture.supplyAsync(() -> apply(target, alter, settings));
            Thread.sleep(HOLD_MS);
            holder.rollback();
            String outcome = apply.get();
            Thread.sleep(300);
            stop.set(true);
            for (CompletableFuture<Void> w : writers) {
                w.get();
            }
            return new Outcome(maxWait.get() / 1e6, writes.get(), outcome);
        }
    }

    private static String apply(Target target, String alter, ApplySettings settings) {
        try (TargetSession session = TargetSession.open(target.dialect(), target.url(), settings)) {
            ApplyResult r = session.run(Migration.of("v" + System.nanoTime(), "lock queue bench", "apply", null,
                    List.of(new Batch(List.of(alter), false))));
            return r.outcome().name();
        }
    }

    private static void write(Target target, AtomicBoolean stop, AtomicLong maxWait, AtomicLong writes, AtomicLong nextId) {
        try (Connection c = TestDatabases.connect(target.url()); Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, 1)")) {
            for (String sql : target.writerSettings()) {
                s.execute(sql);
            }
            while (!stop.get()) {
                insert.setLong(1, nextId.incrementAndGet());
                long start = System.nanoTime();
                insert.executeUpdate();
                maxWait.accumulateAndGet(System.nanoTime() - start, Math::max);
                writes.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writer failed: " + e.getMessage(), e);
        }
    }
}

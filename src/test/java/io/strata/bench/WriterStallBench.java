package io.strata.bench;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.model.Catalog;
import io.strata.plan.MigrationPlan;
import io.strata.migrate.Planner;
import io.strata.plan.Step;
import io.strata.testing.TestDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * WriterStallBench measures how long a schema change stalls concurrent writers of a populated
 * PostgreSQL table: two connections write as fast as they can (an UPDATE by random id and an INSERT
 * per round) while the change runs, and the figure is the longest gap between two completed writes
 * during the change. It runs the naive statements (SET NOT NULL, CREATE INDEX, ADD FOREIGN KEY) and
 * then the steps Strata's planner writes for the same change, each on a freshly loaded table.
 *
 * <pre>java -cp ... io.strata.bench.WriterStallBench [rows]</pre>
 */
public final class WriterStallBench {

    static final String NAIVE_NOT_NULL = "ALTER TABLE t ALTER COLUMN note SET NOT NULL";
    static final String NAIVE_INDEX = "CREATE INDEX t_v_idx ON t (v)";
    static final String NAIVE_FK = "ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)";

    private WriterStallBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String url = TestDatabases.freshPostgres();
        naiveThenPlanned("", Dialects.byName("postgres"), url, rows, () -> load(url, rows),
                List.of(NAIVE_NOT_NULL, NAIVE_INDEX, NAIVE_FK), List.of("public"));
        TestDatabases.exec(TestDatabases.postgresServerUrl(),
                "DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + " WITH (FORCE)");
    }

    /**
     * Runs {@code naive} on a freshly loaded table, then, on a table loaded again, the steps the planner
     * writes for the same change, reporting both; returns those steps.
     */
    static List<String> naiveThenPlanned(String label, Dialect dialect, String url, int rows, Runnable load,
                                         List<String> naive, List<String> schemas) throws Exception {
        load.run();
        Catalog before = inspect(dialect, url, schemas);
        report(label + "naive", rows, run(url, naive));
        Catalog after = inspect(dialect, url, schemas);
        load.run();
        MigrationPlan plan = Planner.plan(before, after, dialect, before.serverVersion());
        List<String> safe = plan.steps().stream().map(Step::sql).toList();
        safe.forEach(s -> System.out.println("  step: " + s));
        report(label + "strata plan", rows, run(url, safe));
        return safe;
    }

    static void load(String url, int rows) {
        TestDatabases.exec(url,
                "DROP TABLE IF EXISTS t", "DROP TABLE IF EXISTS parent",
                "CREATE TABLE parent (id bigint PRIMARY KEY)",
                "INSERT INTO parent SELECT g FROM generate_series(1, 1000) g",
                "CREATE TABLE t (id bigserial PRIMARY KEY, parent_id bigint, v int, note text)",
                "INSERT INTO t (parent_id, v, note) SELECT 1 + g % 1000, g, 'n' || g FROM generate_series(1, " + rows + ") g",
                "VACUUM ANALYZE t");
    }

    static Catalog inspect(Dialect dialect, String url, List<String> schemas) throws SQLException {
        try (Connection c = dialect.open(url)) {
            return dialect.inspector().inspect(c, schemas);
        }
    }

    /** Runs {@code statements} one by one in autocommit while two writers run; returns the longest gap in ms per statement. */
    static List<double[]> run(String url, List<String> statements) throws Exception {
        return withWriters(url, done -> {
            List<double[]> stalls = new ArrayList<>();
            try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    stalls.add(timed(done, () -> s.execute(sql)));
                }
            }
            return stalls;
        });
    }

    /** Runs {@code action} while two writers run; returns {longest writer gap, duration}, in ms. */
    static double[] during(String url, Callable<?> action) throws Exception {
        return withWriters(url, done -> List.of(timed(done, action))).get(0);
    }

    /** What runs while the writers write; {@code done} holds the time of every completed write. */
    @FunctionalInterface
    interface Work {
        List<double[]> run(List<Long> done) throws Exception;
    }

    private static List<double[]> withWriters(String url, Work work) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread w = new Thread(() -> write(url, stop, done), "writer-" + i);
            w.start();
            writers.add(w);
        }
        Thread.sleep(1000);
        try {
            return work.run(done);
        } finally {
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
        }
    }

    /** {longest gap ms, duration ms, wall-clock ms when the longest gap began}. */
    private static double[] timed(List<Long> done, Callable<?> action) throws Exception {
        long wallOffset = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        long start = System.nanoTime();
        action.call();
        long end = System.nanoTime();
        Thread.sleep(200);
        long[] gap = longestGap(done, start, end);
        return new double[] {gap[0] / 1e6, (end - start) / 1e6, wallOffset + gap[1] / 1_000_000.0};
    }

    /** The longest time, within [start, end] plus the first write after it, without a completed write, and when it began. */
    private static long[] longestGap(List<Long> done, long start, long end) {
        List<Long> times;
        synchronized (done) {
            times = new ArrayList<>(done);
        }
        Collections.sort(times);
        long previous = start;
        long longest = 0;
        long began = start;
        for (long t : times) {
            if (t < start) {
                continue;
            }
            if (t - previous > longest) {
                longest = t - previous;
                began = previous;
            }
            previous = t;
            if (t > end) {
                break;
            }
        }
        return new long[] {longest, began};
    }

    private static void write(String url, AtomicBoolean stop, List<Long> done) {
        try (Connection c = TestDatabases.connect(url);
             PreparedStatement update = c.prepareStatement("UPDATE t SET v = v + 1 WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO t (parent_id, v, note) VALUES (?, ?, 'w')")) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop.get()) {
                update.setLong(1, random.nextLong(1, 1_000_000));
                update.executeUpdate();
                done.add(System.nanoTime());
                insert.setLong(1, random.nextLong(1, 1001));
                insert.setInt(2, random.nextInt());
                insert.executeUpdate();
                done.add(System.nanoTime());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writer failed: " + e.getMessage(), e);
        }
    }

    static void report(String label, int rows, List<double[]> stalls) {
        double worst = stalls.stream().mapToDouble(s -> s[0]).max().orElse(0);
        System.out.printf("RESULT stall %s at %,d rows: longest writer gap %.1f ms (per statement: %s)%n", label, rows, worst,
                stalls.stream().map(s -> String.format("%.1f ms gap / %.0f ms run", s[0], s[1])).toList());
    }
}

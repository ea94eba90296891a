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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * ApplyOverheadBench measures what {@code apply} costs per statement on top of the statement itself:
 * the migration lock, the lock-timeout setting and the history rows. It times N trivial DDL statements
 * (table comments) run through {@link TargetSession} against the same statements sent straight over
 * JDBC, both including their connection, alternating the two and keeping the median of the rounds.
 *
 * <pre>java -cp ... io.strata.bench.ApplyOverheadBench [statements] [rounds]</pre>
 */
public final class ApplyOverheadBench {

    /** One way of running the statements on one database. */
    private record Mode(String label, Dialect dialect, String url, IntFunction<String> statement, boolean oneTransaction) {
    }

    private ApplyOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String pg = TestDatabases.freshPostgres();
        String my = TestDatabases.freshMysql();
        TestDatabases.exec(pg, "CREATE TABLE t (id int PRIMARY KEY)");
        TestDatabases.exec(my, "CREATE TABLE t (id int PRIMARY KEY)");
        IntFunction<String> pgComment = i -> "COMMENT ON TABLE t IS 'c" + i + "'";
        IntFunction<String> myComment = i -> "ALTER TABLE t COMMENT = 'c" + i + "'";
        // PostgreSQL runs a plan whose steps all allow it in one transaction (history included); a plan
        // with CONCURRENTLY steps, and every MariaDB plan, runs and records statement by statement.
        measure(new Mode("postgres, one transaction", Dialects.byName("postgres"), pg, pgComment, true), n, rounds);
        measure(new Mode("postgres, statement by statement", Dialects.byName("postgres"), pg, pgComment, false), n, rounds);
        measure(new Mode("mariadb, statement by statement", Dialects.byName("mysql"), my, myComment, false), n, rounds);
    }

    private static void measure(Mode mode, int n, int rounds) throws Exception {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statements.add(mode.statement().apply(i));
        }
        double[] direct = new double[rounds];
        double[] strata = new double[rounds];
        // One unmeasured round of each warms the JIT and the server's caches.
        direct(mode, statements);
        strata(mode, statements, "warmup");
        for (int r = 0; r < rounds; r++) {
            direct[r] = direct(mode, statements);
            strata[r] = strata(mode, statements, "r" + r);
        }
        double d = median(direct);
        double s = median(strata);
        System.out.printf("RESULT apply-overhead %s: %d statements, direct JDBC %.1f ms, strata %.1f ms, "
                        + "overhead %.2f ms/statement (median of %d rounds; direct %.2f ms/statement)%n",
                mode.label(), n, d, s, (s - d) / n, rounds, d / n);
    }

    private static double direct(Mode mode, List<String> statements) throws Exception {
        long start = System.nanoTime();
        try (Connection c = mode.dialect().open(mode.url()); Statement s = c.createStatement()) {
            c.setAutoCommit(!mode.oneTransaction());
            for (String sql : statements) {
                s.execute(sql);
            }
            if (mode.oneTransaction()) {
                c.commit();
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double strata(Mode mode, List<String> statements, String round) {
        List<Batch> batches = mode.oneTransaction() ? List.of(new Batch(statements, true))
                : statements.stream().map(sql -> new Batch(List.of(sql), false)).toList();
        String version = mode.label().replaceAll("\\W+", "_") + "_" + round;
        long start = System.nanoTime();
        try (TargetSession session = TargetSession.open(mode.dialect(), mode.url(), ApplySettings.defaults())) {
            ApplyResult result = session.run(Migration.of(version, "overhead bench", "apply", null, batches));
            if (!result.ok()) {
                throw new IllegalStateException(result.message());
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

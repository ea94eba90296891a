package io.strata.bench;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.DataCheckReport;
import io.strata.migrate.Planner;
import io.strata.migrate.TargetSession;
import io.strata.model.Catalog;
import io.strata.plan.MigrationPlan;
import io.strata.testing.TestDatabases;

import java.util.List;

/**
 * DataCheckBench times the pre-flight data checks of the writer-stall plan (§5: {@code note} made NOT NULL, an index
 * on {@code v}, a foreign key to {@code parent}) on the 1M-row table, while two writers write as fast as they can: how
 * long the checks take, and the longest gap between two completed writes meanwhile.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench-cp.txt) io.strata.bench.DataCheckBench [ROWS]
 * </pre>
 */
public final class DataCheckBench {

    private DataCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Dialect postgres = Dialects.byName("postgres");
        String url = TestDatabases.freshPostgres();
        WriterStallBench.load(url, rows);
        Catalog before = WriterStallBench.inspect(postgres, url, List.of("public"));
        TestDatabases.exec(url, WriterStallBench.NAIVE_NOT_NULL, WriterStallBench.NAIVE_INDEX, WriterStallBench.NAIVE_FK);
        Catalog after = WriterStallBench.inspect(postgres, url, List.of("public"));
        WriterStallBench.load(url, rows);
        MigrationPlan plan = Planner.plan(before, after, postgres, before.serverVersion());
        try (TargetSession session = TargetSession.open(postgres, url, ApplySettings.defaults())) {
            for (int round = 1; round <= 3; round++) {
                DataCheckReport[] report = new DataCheckReport[1];
                double[] timed = WriterStallBench.during(url, () -> report[0] = session.dataChecks(plan, before, after, before));
                System.out.printf("RESULT data checks at %,d rows, round %d: %d check(s), %s, %.0f ms; longest writer gap %.1f ms%n",
                        rows, round, report[0].checked(), report[0].passed() ? "passed" : report[0].violations().size() + " refused",
                        timed[1], timed[0]);
                report[0].unchecked().forEach(u -> System.out.println("  not done: " + u));
            }
        }
        TestDatabases.exec(TestDatabases.postgresServerUrl(),
                "DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + " WITH (FORCE)");
    }
}

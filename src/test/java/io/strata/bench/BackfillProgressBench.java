package io.strata.bench;

import io.strata.app.ApplySchema;
import io.strata.migrate.ApplyProgress;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.BackfillProgress;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.testing.TestDatabases;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * BackfillProgressBench times a backfill (a renamed column on a table of ROWS rows, batches of 1,000, no pause) with
 * and without a progress listener, alternating, so that the listener's cost (a statistics query per backfill, one
 * event per batch) shows against the batches themselves. The listener formats every event's line, as a terminal's
 * printer does at most every 200 ms.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench-cp.txt) io.strata.bench.BackfillProgressBench [ROWS]
 * </pre>
 */
public final class BackfillProgressBench {

    private BackfillProgressBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path desired = Files.createTempFile("strata-progress-bench", ".sql");
        Files.writeString(desired, """
                CREATE TABLE items (
                    id int PRIMARY KEY,
                    quantity int NOT NULL DEFAULT 0 -- strata:renamed-from qty
                );
                """);
        ApplySettings settings = new ApplySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofMillis(500),
                null, 1000, Duration.ZERO);
        StringWriter sink = new StringWriter();
        PrintWriter lines = new PrintWriter(sink);
        int[] events = new int[1];
        ApplyProgress listener = new ApplyProgress() {
            @Override
            public boolean preflight(List<String> preflight) {
                preflight.forEach(lines::println);
                return true;
            }

            @Override
            public void backfill(BackfillProgress progress) {
                events[0]++;
                lines.print("\r" + progress.line());
            }
        };
        // The listener's own work, apart from the database: one event and its line per committed batch.
        long formatted = 0;
        long begin = System.nanoTime();
        for (int i = 1; i <= 1_000_000; i++) {
            formatted += new BackfillProgress("public.items", "quantity", i * 1000L, 500_000_000L,
                    Duration.ofMillis(i), false).line().length();
        }
        System.out.printf("RESULT one progress event and its line: %.2f us (%,d characters)%n",
                (System.nanoTime() - begin) / 1e3 / 1_000_000, formatted);
        try (SourceLoader loader = new SourceLoader(new SourceOptions(null, TestDatabases.postgresServerUrl()))) {
            for (int round = 1; round <= 3; round++) {
                for (boolean listening : new boolean[] {false, true}) {
                    String url = TestDatabases.freshPostgres();
                    TestDatabases.exec(url, "CREATE TABLE items (id int PRIMARY KEY, qty int NOT NULL DEFAULT 0)",
                            "INSERT INTO items SELECT g, g % 50 FROM generate_series(1, " + rows + ") g", "ANALYZE items");
                    events[0] = 0;
                    long start = System.nanoTime();
                    ApplyResult result = new ApplySchema(loader, listening ? listener : ApplyProgress.NONE)
                            .run(new ApplySchema.Request(desired.toString(), url, null, "1", null, settings, false, false,
                                    false, null, null));
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (listening && events[0] < rows / 1000) {
                        throw new IllegalStateException("the plan did not backfill: " + result.message());
                    }
                    System.out.printf("RESULT backfill of %,d rows, round %d, %s: %.0f ms (%s, %d events)%n", rows, round,
                            listening ? "with progress" : "without progress", ms, result.outcome(), events[0]);
                    sink.getBuffer().setLength(0);
                    TestDatabases.exec(TestDatabases.postgresServerUrl(), "DROP DATABASE IF EXISTS "
                            + TestDatabases.databaseName(url) + " WITH (FORCE)");
                }
            }
        }
    }
}

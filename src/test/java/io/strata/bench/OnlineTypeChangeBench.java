package io.strata.bench;

import io.strata.app.ApplyMigration;
import io.strata.app.ModelFiles;
import io.strata.app.SourceLoader;
import io.strata.app.SourceOptions;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.model.Catalog;
import io.strata.plan.apply.ApplyResult;
import io.strata.plan.apply.ApplySettings;
import io.strata.testing.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * OnlineTypeChangeBench measures what a column type change that rewrites the table does to two writers
 * of a populated PostgreSQL table (as {@link WriterStallBench}): first the naive {@code ALTER TABLE ...
 * TYPE bigint}, then {@code strata apply} of the same change, which swaps the column online (new column,
 * sync trigger, batched backfill through the executor, contract). The figures are the longest gap between
 * completed writes and the time the change took.
 *
 * <pre>java -cp ... io.strata.bench.OnlineTypeChangeBench [rows [batch size]]</pre>
 */
public final class OnlineTypeChangeBench {

    private OnlineTypeChangeBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : ApplySettings.DEFAULT_BATCH_SIZE;
        String url = TestDatabases.freshPostgres();
        Dialect dialect = Dialects.byName("postgres");
        WriterStallBench.load(url, rows);
        double[] naive = WriterStallBench.during(url, () -> {
            TestDatabases.exec(url, "ALTER TABLE t ALTER COLUMN v TYPE bigint");
            return null;
        });
        Catalog desired;
        try (Connection c = dialect.open(url)) {
            desired = dialect.inspector().inspect(c, List.of("public"));
        }
        report("naive ALTER TYPE", rows, naive);

        WriterStallBench.load(url, rows);
        Path model = Files.createTempFile("strata-bench-desired", ".json");
        Files.writeString(model, ModelFiles.toJson(desired));
        ApplyResult[] result = new ApplyResult[1];
        double[] online = WriterStallBench.during(url, () -> {
            try (SourceLoader loader = new SourceLoader(new SourceOptions(null, null))) {
                ApplySettings d = ApplySettings.defaults();
                ApplySettings settings = new ApplySettings(d.lockTimeout(), d.lockWait(), d.retries(), d.backoff(), null,
                        batch, d.batchPause());
                result[0] = new ApplyMigration(loader).run(new ApplyMigration.Request(model.toString(), url, null, "1",
                        null, settings, false, false, null, null));
            }
            return null;
        });
        if (!result[0].ok()) {
            throw new IllegalStateException(result[0].message());
        }
        System.out.println(result[0].message());
        report(String.format("strata apply (online swap, batches of %,d, 10 ms apart)", batch), rows, online);
        // Which step ran when the writers waited longest: the first one recorded as applied after the gap began.
        System.out.println("RESULT type change longest gap began during: " + TestDatabases.rows(url,
                "SELECT ordinal || ': ' || left(regexp_replace(statement, '\\s+', ' ', 'g'), 90) FROM strata_history_steps "
                        + "WHERE applied_at >= to_timestamp(" + online[2] / 1000 + ") ORDER BY applied_at LIMIT 1"));
        TestDatabases.exec(TestDatabases.postgresServerUrl(),
                "DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + " WITH (FORCE)");
    }

    private static void report(String label, int rows, double[] figures) {
        System.out.printf("RESULT type change %s at %,d rows: longest writer gap %.1f ms, took %.1f s%n", label, rows,
                figures[0], figures[1] / 1000);
    }
}

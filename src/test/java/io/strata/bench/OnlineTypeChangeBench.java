package io.strata.bench;

import io.strata.app.ApplySchema;
import io.strata.source.ModelFiles;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.model.Catalog;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.testing.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * OnlineTypeChangeBench measures what a column type change that rewrites the table does to two writers
 * of a populated PostgreSQL (or, with {@code mariadb}, MariaDB) table (as {@link WriterStallBench}): first
 * the naive statement, then {@code strata apply} of the same change, which on PostgreSQL swaps the column
 * online (new column, sync trigger, batched backfill through the executor, contract) and on MariaDB
 * changes it in place. The figures are the longest gap between
 * completed writes and the time the change took.
 *
 * <pre>java -cp ... io.strata.bench.OnlineTypeChangeBench [rows [batch size [postgres|mariadb]]]</pre>
 */
public final class OnlineTypeChangeBench {

    private OnlineTypeChangeBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : ApplySettings.DEFAULT_BATCH_SIZE;
        boolean mariadb = args.length > 2 && args[2].equals("mariadb");
        String url = mariadb ? TestDatabases.freshMysql() : TestDatabases.freshPostgres();
        Dialect dialect = Dialects.byName(mariadb ? "mysql" : "postgres");
        Runnable load = mariadb ? () -> MySqlWriterStallBench.load(url, rows) : () -> WriterStallBench.load(url, rows);
        String label = mariadb ? "mariadb " : "";
        load.run();
        // MariaDB has no in-place way to widen int to bigint: the naive statement copies the table.
        String naiveSql = mariadb ? "ALTER TABLE t MODIFY COLUMN v bigint" : "ALTER TABLE t ALTER COLUMN v TYPE bigint";
        double[] naive = WriterStallBench.during(url, () -> {
            TestDatabases.exec(url, naiveSql);
            return null;
        });
        Catalog desired;
        try (Connection c = dialect.open(url)) {
            desired = dialect.inspector().inspect(c, mariadb ? List.of() : List.of("public"));
        }
        report(label + "naive " + naiveSql.substring(naiveSql.indexOf("COLUMN")), rows, naive);

        load.run();
        Path model = Files.createTempFile("strata-bench-desired", ".json");
        Files.writeString(model, ModelFiles.toJson(desired));
        ApplyResult[] result = new ApplyResult[1];
        double[] online = WriterStallBench.during(url, () -> {
            try (SourceLoader loader = new SourceLoader(new SourceOptions(null, null))) {
                ApplySettings d = ApplySettings.defaults();
                ApplySettings settings = new ApplySettings(d.lockTimeout(), d.lockWait(), d.retries(), d.backoff(), null,
                        batch, d.batchPause());
                result[0] = new ApplySchema(loader).run(new ApplySchema.Request(model.toString(), url, null, "1",
                        null, settings, false, false, false, null, null));
            }
            return null;
        });
        if (!result[0].ok()) {
            throw new IllegalStateException(result[0].message());
        }
        System.out.println(result[0].message());
        // PostgreSQL swaps the column online; MySQL/MariaDB changes a type in place (only renames are swapped there).
        report(String.format("%sstrata apply (batches of %,d, 10 ms apart)", label, batch), rows, online);
        // Which step ran when the writers waited longest: the first one recorded as applied after the gap began.
        String since = mariadb ? "FROM_UNIXTIME(" + online[2] / 1000 + ")" : "to_timestamp(" + online[2] / 1000 + ")";
        String step = mariadb ? "CONCAT(ordinal, ': ', LEFT(statement, 90))" : "ordinal || ': ' || left(statement, 90)";
        System.out.println("RESULT type change longest gap began during: " + TestDatabases.rows(url,
                "SELECT " + step + " FROM strata_history_steps WHERE applied_at >= " + since + " ORDER BY applied_at LIMIT 1"));
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        if (mariadb) {
            TestDatabases.exec(TestDatabases.mysqlServerUrl(), "DROP DATABASE IF EXISTS " + database);
        } else {
            TestDatabases.exec(TestDatabases.postgresServerUrl(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void report(String label, int rows, double[] figures) {
        System.out.printf("RESULT type change %s at %,d rows: longest writer gap %.1f ms, took %.1f s%n", label, rows,
                figures[0], figures[1] / 1000);
    }
}

package io.strata.bench;

import io.strata.app.DiffSchemas;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.cli.StrataCli;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * BenchMain runs the parts of {@code ./bench} that are not JMH benchmarks: loading the fixture
 * databases, counting catalog queries, the change-exactness check, the retained-heap measurement and
 * a cold (fresh JVM) breakdown of {@code strata diff}. Each subcommand prints lines starting with
 * {@code RESULT} that the bench script collects into its summary.
 *
 * <pre>
 * java -cp ... io.strata.bench.BenchMain load|queries|check|heap|cold [fixtureDir]
 * </pre>
 */
public final class BenchMain {

    /** Database names the bench uses on the PostgreSQL and MariaDB servers. */
    public static final String PG_A = "strata_bench_a";
    public static final String PG_B = "strata_bench_b";
    public static final String PG_SMALL = "strata_bench_small_a";
    public static final String MY_A = "strata_bench_a";
    public static final String MY_SMALL = "strata_bench_small_a";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String cmd = args.length > 0 ? args[0] : "check";
        Path dir = Path.of(args.length > 1 ? args[1] : "target/bench-fixture");
        Path smallDir = Path.of(args.length > 2 ? args[2] : "target/bench-fixture-200");
        switch (cmd) {
            case "load" -> load(dir, smallDir);
            case "queries" -> queries(dir, smallDir);
            case "check" -> check(dir);
            case "heap" -> heap(dir);
            case "cold" -> cold();
            default -> throw new IllegalArgumentException("unknown subcommand " + cmd);
        }
    }

    static void load(Path dir, Path smallDir) {
        BenchFixture big = BenchFixture.at(dir);
        BenchFixture small = BenchFixture.at(smallDir);
        timed("load postgres " + PG_A, () -> BenchFixture.postgres(PG_A, big.aSql()));
        timed("load postgres " + PG_B, () -> BenchFixture.postgres(PG_B, big.bSql()));
        timed("load postgres " + PG_SMALL, () -> BenchFixture.postgres(PG_SMALL, small.aSql()));
        timed("load mariadb " + MY_A, () -> BenchFixture.mysql(MY_A, big.aSql()));
        timed("load mariadb " + MY_SMALL, () -> BenchFixture.mysql(MY_SMALL, small.aSql()));
        MySqlDdl.convert(big.aSql()).notes().forEach((k, v) -> System.out.println("  mysql translation: " + k + ": " + v));
    }

    private static void timed(String what, Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        System.out.printf("%s: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    /** Inspects a database through a counting connection; returns {model, statements, metadata calls}. */
    static Object[] inspectCounting(String url, String schema) throws Exception {
        Dialect d = Dialects.forUrl(url);
        try (Connection c = d.open(url)) {
            CountingConnection cc = new CountingConnection(c);
            Catalog cat = d.inspector().inspect(cc.connection(), List.of(schema));
            return new Object[] {cat, cc.executed(), cc.metadataCalls(), cc.executeNanos(), cc.timings()};
        }
    }

    public static Catalog inspect(String url, String schema) {
        Dialect d = Dialects.forUrl(url);
        try (Connection c = d.open(url)) {
            return d.inspector().inspect(c, List.of(schema));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void queries(Path dir, Path smallDir) throws Exception {
        BenchFixture big = BenchFixture.at(dir);
        BenchFixture small = BenchFixture.at(smallDir);
        record Case(String label, String url, String schema) {
        }
        List<Case> cases = List.of(
                new Case("postgres 200 tables", BenchFixture.postgres(PG_SMALL, small.aSql()).url(), "public"),
                new Case("postgres 2000 tables", BenchFixture.postgres(PG_A, big.aSql()).url(), "public"),
                new Case("mariadb 200 tables", BenchFixture.mysql(MY_SMALL, small.aSql()).url(), MY_SMALL),
                new Case("mariadb 2000 tables", BenchFixture.mysql(MY_A, big.aSql()).url(), MY_A));
        for (Case k : cases) {
            Object[] r = null;
            long best = Long.MAX_VALUE;
            long bestQueries = 0;
            List<?> bestTimings = List.of();
            for (int i = 0; i < 10; i++) { // the best of 10, so the JIT has warmed up a little
                long t0 = System.nanoTime();
                r = inspectCounting(k.url(), k.schema());
                long took = System.nanoTime() - t0;
                if (took < best) {
                    best = took;
                    bestQueries = (Long) r[3];
                    bestTimings = (List<?>) r[4];
                }
            }
            Catalog cat = (Catalog) r[0];
            var s = cat.schemas().get(0);
            long cols = s.tables().stream().mapToLong(t -> t.columns().size()).sum();
            long ix = s.tables().stream().mapToLong(t -> t.indexes().size()).sum();
            long fk = s.tables().stream().mapToLong(t -> t.foreignKeys().size()).sum();
            long ck = s.tables().stream().mapToLong(t -> t.checks().size()).sum();
            System.out.printf("RESULT queries %s: %d statements, %d DatabaseMetaData calls "
                            + "(model: %d tables, %d columns, %d indexes, %d foreign keys, %d checks); "
                            + "best of 10 inspections (connect included) %.0f ms, of which inside execute (server + rows over the wire) %.0f ms%n",
                    k.label(), r[1], r[2], s.tables().size(), cols, ix, fk, ck, best / 1e6, bestQueries / 1e6);
            bestTimings.forEach(t -> System.out.println("    " + t));
        }
    }

    static void check(Path dir) {
        BenchFixture f = BenchFixture.at(dir);
        String a = BenchFixture.postgres(PG_A, f.aSql()).url();
        String b = BenchFixture.postgres(PG_B, f.bSql()).url();
        Catalog from = inspect(a, "public");
        Catalog to = inspect(b, "public");
        List<SchemaChange> changes = Differ.diff(from, to);
        ExpectedChanges.Comparison cmp = ExpectedChanges.compare(f.aSql(), f.changes(), changes, "public");
        System.out.print(cmp.summary());
        System.out.printf("RESULT exactness: %s; changes.txt lines %d, expected changes %d (%d cascaded, %d derived-only), "
                        + "differ found %d, missing %d, unexpected %d%n",
                cmp.exact() ? "EXACT" : "MISMATCH", f.changes().size(), cmp.expected().size(), cmp.count("cascade"),
                cmp.expected().stream().filter(e -> e.origin().equals("derived")).count(),
                cmp.found().size(), cmp.missing().size(), cmp.unexpected().size());
        if (!cmp.exact()) {
            System.exit(1);
        }
    }

    /**
     * Retained heap of one inspected 2,000-table model: used heap after repeated full GCs with the
     * model held, minus used heap after the reference is dropped. A first model is built and thrown away
     * so that class loading and caches are not counted.
     */
    static void heap(Path dir) throws Exception {
        BenchFixture f = BenchFixture.at(dir);
        String a = BenchFixture.postgres(PG_A, f.aSql()).url();
        inspect(a, "public"); // warm: classes, driver, caches
        long before = settledUsed();
        Catalog held = inspect(a, "public");
        long with = settledUsed();
        int tables = held.tableCount();
        held = null;
        long after = settledUsed();
        System.out.printf("RESULT heap: retained by one %d-table model: %.1f MB (held %.1f MB - released %.1f MB); "
                        + "growth from before building: %.1f MB [Runtime used heap after 5x System.gc(), %s]%n",
                tables, (with - after) / 1e6, with / 1e6, after / 1e6, (with - before) / 1e6,
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
    }

    private static long settledUsed() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /**
     * A cold run of {@code strata diff} in this fresh JVM, timed by phase: JVM start to main, then
     * each inspection and the diff and classification done the way the CLI does them, then the whole CLI
     * again in-process (warmer). Run with the launcher's flags to see where the end-to-end second goes.
     */
    static void cold() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        String server = io.strata.testing.TestDatabases.postgresServerUrl();
        String a = io.strata.testing.TestDatabases.withDatabase(server, PG_A);
        String b = io.strata.testing.TestDatabases.withDatabase(server, PG_B);
        long t0 = System.nanoTime();
        Catalog from = inspect(a, "public");
        long t1 = System.nanoTime();
        Catalog to = inspect(b, "public");
        long t2 = System.nanoTime();
        List<SchemaChange> changes = Differ.diff(from, to);
        long t3 = System.nanoTime();
        DiffSchemas.Result r;
        try (SourceLoader loader = new SourceLoader(SourceOptions.defaults())) {
            r = new DiffSchemas(loader).run(a, b);
        }
        long t4 = System.nanoTime();
        StringWriter sink = new StringWriter();
        StrataCli.execute(new String[] {"diff", a, b, "--format", "json"}, new PrintWriter(sink), new PrintWriter(sink));
        long t5 = System.nanoTime();
        System.out.printf("RESULT cold: JVM start->main %d ms; 1st inspect (cold) %.0f ms; 2nd inspect %.0f ms; "
                        + "Differ.diff %.0f ms (%d changes); DiffSchemas.run again (2 connects + 2 inspects + diff + classify) %.0f ms "
                        + "(%d findings); whole CLI again in-process (json) %.0f ms%n",
                mainAt - jvmStart, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, changes.size(),
                (t4 - t3) / 1e6, r.findings().size(), (t5 - t4) / 1e6);
    }
}

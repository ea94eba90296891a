package io.strata.dialect.postgres;

import io.strata.dialect.SqlScript;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.testing.SharedCorpora;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trip over migra's fixtures (djrobstep/migra, Unlicense: {@code tests/FIXTURES/<case>/a.sql, b.sql}):
 * replay each script on a scratch database, inspect, render the catalog, replay the rendered SQL on
 * another scratch database, inspect again, and expect the same catalog.
 */
class MigraRoundTripTest {

    /** Inside ../shared; see {@link SharedCorpora}. */
    private static final Path FIXTURES = Path.of("conformance", "db", "migra", "tests", "FIXTURES");

    private final PostgresRenderer renderer = new PostgresRenderer();

    @Test
    void everyFixtureRebuildsFromItsOwnCatalog() throws IOException, InterruptedException, ExecutionException {
        Path fixtures = SharedCorpora.require(FIXTURES);
        String server = TestDatabases.postgresServerUrl();
        createRole(server);
        List<Path> scripts;
        try (Stream<Path> cases = Files.list(fixtures)) {
            scripts = cases.filter(Files::isDirectory).sorted()
                    .flatMap(dir -> Stream.of(dir.resolve("a.sql"), dir.resolve("b.sql")))
                    .filter(Files::isRegularFile).toList();
        }
        List<String> differed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int agreed = 0;
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(server)) {
            // Creating and dropping ~100 databases dominates the run; a few at a time keeps the class fast.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> outcomes = new ArrayList<>();
            for (Path script : scripts) {
                String label = label(script);
                String sql = Files.readString(script);
                outcomes.add(pool.submit(() -> roundTrip(dev, label, sql)));
            }
            pool.shutdown();
            for (int i = 0; i < scripts.size(); i++) {
                String label = label(scripts.get(i));
                String outcome = outcomes.get(i).get();
                if (outcome == null) {
                    agreed++;
                } else if (outcome.startsWith("skip: ")) {
                    skipped.add(label + ": " + outcome.substring(6));
                } else {
                    differed.add(label + ": " + outcome);
                }
            }
        }
        System.out.printf("migra round trip: %d agreed, %d differed, %d skipped%n", agreed, differed.size(), skipped.size());
        differed.forEach(r -> System.out.println("  differed " + r));
        skipped.forEach(r -> System.out.println("  skipped  " + r));
        assertThat(differed).as("fixtures whose round trip differed").isEmpty();
    }

    private static String label(Path script) {
        return script.getParent().getFileName() + "/" + script.getFileName();
    }

    /** Null when the catalogs agree, {@code "skip: reason"} when the case cannot run here, else what differed. */
    private String roundTrip(PostgresDevDatabase dev, String label, String sql) {
        Catalog original;
        try {
            original = dev.replay(List.of(new SqlScript(label, sql)));
        } catch (StrataException e) {
            return "skip: the fixture itself does not run on this server: " + e.getMessage();
        }
        List<String> rendered = renderer.createStatements(original);
        Catalog rebuilt;
        try {
            rebuilt = dev.replay(List.of(new SqlScript("rendered " + label, String.join(";\n", rendered))));
        } catch (StrataException e) {
            return "rendered SQL fails: " + e.getMessage();
        }
        return rebuilt.equals(original) ? null : "catalogs differ: " + firstDifference(original, rebuilt);
    }

    private static String firstDifference(Catalog a, Catalog b) {
        if (!a.extensions().equals(b.extensions())) {
            return "extensions " + a.extensions() + " vs " + b.extensions();
        }
        for (Schema s : a.schemas()) {
            Schema t = b.schema(s.name()).orElse(null);
            if (t == null) {
                return "schema " + s.name() + " missing";
            }
            for (var table : s.tables()) {
                var other = t.table(table.name()).orElse(null);
                if (!Objects.equals(table, other)) {
                    return "table " + s.name() + "." + table.name() + ": " + table + " vs " + other;
                }
            }
            for (var view : s.views()) {
                var other = t.view(view.name()).orElse(null);
                if (!Objects.equals(view, other)) {
                    return "view " + s.name() + "." + view.name() + ": " + view + " vs " + other;
                }
            }
            if (!s.equals(t)) {
                return "schema " + s.name() + ": " + s + " vs " + t;
            }
        }
        return "schemas " + a.schemas().stream().map(Schema::name).toList() + " vs "
                + b.schemas().stream().map(Schema::name).toList();
    }

    /** Some fixtures grant to or write policies for this role. */
    private static void createRole(String server) {
        try (Connection c = TestDatabases.connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE schemainspect_test_role");
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create role schemainspect_test_role: " + e.getMessage(), e);
            }
        }
    }
}

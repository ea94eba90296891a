package io.strata.dialect.postgres;

import io.strata.app.DiffSchemas;
import io.strata.dialect.SqlScript;
import io.strata.model.Catalog;
import io.strata.model.View;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL compared with a PostgreSQL 15 database is replayed on PostgreSQL 15, not on the bundled 18: from 16 on the
 * server prints a one-table view's columns without the table's name, so a replay on 18 reports a changed view that
 * nobody changed. The 15 binaries come from {@code target/pg-binaries} (copied there by the build).
 */
class ReplayOnTargetMajorTest {

    private static final String SCHEMA = """
            CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);
            CREATE VIEW open_orders AS SELECT id FROM orders WHERE status IN ('new', 'paid');
            """;

    private static String target;
    private static Path schemaFile;

    /** A PostgreSQL 15 database holding {@link #SCHEMA}: on the test server when it is a 15, else on an embedded 15. */
    @BeforeAll
    static void targetOnPostgres15() throws Exception {
        String server = Postgres15.urlOrSkip();
        String name = "strata_major_" + ProcessHandle.current().pid();
        TestDatabases.exec(server, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
        target = TestDatabases.withDatabase(server, name);
        TestDatabases.exec(target, SCHEMA);
        schemaFile = Files.createTempFile("orders", ".sql");
        Files.writeString(schemaFile, SCHEMA);
    }

    @Test
    void aPostgres15TargetComparedWithItsOwnFilesHasNoChange() {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (SourceLoader loader = new SourceLoader(SourceOptions.defaults(), notices::add)) {
            DiffSchemas.Result result = new DiffSchemas(loader).run(target, schemaFile.toString());
            assertThat(result.changes()).isEmpty();
            assertThat(result.to().catalog().serverVersion()).startsWith("15.");
        }
        assertThat(notices).isEmpty();
    }

    @Test
    void theSameViewReplayedOnTheBundledMajorPrintsDifferently() {
        // What the comparison above would have seen without the target's major: the reason for all of this.
        try (PostgresDevDatabase bundled = PostgresDevDatabase.embedded()) {
            Catalog replayed = bundled.replay(List.of(new SqlScript("orders.sql", SCHEMA)));
            assertThat(replayed.serverVersion()).doesNotStartWith("15.");
            try (SourceLoader loader = new SourceLoader(SourceOptions.defaults())) {
                Catalog live = loader.load(target).catalog();
                assertThat(view(replayed).definition()).isNotEqualTo(view(live).definition());
            }
        }
    }

    @Test
    void aMajorWithoutBinariesIsReplayedOnTheBundledOneWithAWarningNamingBoth() {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (SourceLoader loader = new SourceLoader(new SourceOptions(null, null, "11.22"), notices::add)) {
            Catalog replayed = loader.load(schemaFile.toString()).catalog();
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0)).contains("replayed on PostgreSQL " + replayed.serverVersion())
                    .contains("not 11 like the target").contains("view definitions").contains("--dev-url");
        }
    }

    @Test
    void aDevUrlOfAnotherMajorIsUsedAsNamedWithAWarning() throws Exception {
        String dev = TestDatabases.postgresServerUrl();
        String other = TestDatabases.majorOf(dev).equals("15") ? "16.1" : "15.4";
        List<String> notices = new CopyOnWriteArrayList<>();
        try (SourceLoader loader = new SourceLoader(new SourceOptions(null, dev, other), notices::add)) {
            loader.load(schemaFile.toString());
        }
        assertThat(notices).singleElement().asString().contains("--dev-url server, PostgreSQL " + TestDatabases.majorOf(dev))
                .contains("not " + other.substring(0, 2) + " like the target");
    }

    @Test
    void theBundledMajorIsTheOneTheJarBundles() {
        PostgresEmbeddedServer.Started bundled = PostgresEmbeddedServer.acquire(PostgresEmbeddedServer.BUNDLED);
        try {
            assertThat(bundled.version()).startsWith(PostgresEmbeddedServer.BUNDLED_MAJOR + ".");
            PostgresEmbeddedServer.Started byNumber = PostgresEmbeddedServer.acquire(PostgresEmbeddedServer.BUNDLED_MAJOR);
            PostgresEmbeddedServer.release(byNumber.key());
            assertThat(byNumber.url()).as("the same server, not a second one").isEqualTo(bundled.url());
        } finally {
            PostgresEmbeddedServer.release(bundled.key());
        }
    }

    private static View view(Catalog catalog) {
        List<View> views = new ArrayList<>();
        catalog.schemas().forEach(s -> views.addAll(s.views()));
        assertThat(views).hasSize(1);
        return views.get(0);
    }
}

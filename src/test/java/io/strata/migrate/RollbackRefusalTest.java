package io.strata.migrate;

import io.strata.dialect.Dialects;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rollback over several versions that meets a version it cannot take back (a pruned backup, a step without
 * reverse) is refused before anything runs: the newer versions, which could be taken back, stay applied, and the
 * history records no rollback. And a table without primary key that holds rows is not dropped without
 * {@code --allow-data-loss}.
 */
class RollbackRefusalTest {

    @TempDir
    Path dir;

    /** A target at version 1 with a table that keeps its rows, one to lose a column and one to drop. */
    private static final String V1 = """
            CREATE TABLE kept (id int PRIMARY KEY, note varchar(20));
            CREATE TABLE people (id int PRIMARY KEY, name varchar(20), nickname varchar(20));
            CREATE TABLE loose (code varchar(10), note varchar(20));
            """;
    private static final String ROWS = """
            INSERT INTO kept VALUES (1, 'k');
            INSERT INTO people VALUES (1, 'Ada', 'countess');
            INSERT INTO loose VALUES ('a', 'no key');
            """;

    @Test
    void aPrunedBackupStopsAPostgresRollbackBeforeAnythingRuns() throws Exception {
        prunedBackup(TestDatabases.freshPostgres(), TestDatabases.postgresServerUrl(), "postgres");
    }

    @Test
    void aPrunedBackupStopsAMysqlRollbackBeforeAnythingRuns() throws Exception {
        prunedBackup(TestDatabases.freshMysql(), TestDatabases.mysqlServerUrl(), "mysql");
    }

    @Test
    void aStepWithoutReverseStopsAPostgresRollbackBeforeAnythingRuns() throws Exception {
        withoutReverse(TestDatabases.freshPostgres(), TestDatabases.postgresServerUrl(), "postgres");
    }

    @Test
    void aStepWithoutReverseStopsAMysqlRollbackBeforeAnythingRuns() throws Exception {
        withoutReverse(TestDatabases.freshMysql(), TestDatabases.mysqlServerUrl(), "mysql");
    }

    @Test
    void aMysqlTableWithoutKeyThatHoldsRowsIsNotDroppedWithoutAllowDataLoss() throws Exception {
        String url = TestDatabases.freshMysql();
        setUp(url);
        assertThatThrownBy(() -> apply(url, TestDatabases.mysqlServerUrl(), "mysql", "2", false, "without-loose.sql",
                "CREATE TABLE kept (id int PRIMARY KEY, note varchar(20));\n"
                        + "CREATE TABLE people (id int PRIMARY KEY, name varchar(20), nickname varchar(20));\n"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("loose").hasMessageContaining("holds rows").hasMessageContaining("no primary key")
                .hasMessageContaining("--allow-data-loss").hasMessageContaining("nothing was run");
        assertThat(TestDatabases.rows(url, "SELECT code FROM loose")).containsExactly("a");
        assertThat(history(url)).isEmpty();
    }

    /** Version 2 drops a column, version 3 a table; version 2's backup is pruned; rolling back to 1 is refused. */
    private void prunedBackup(String url, String server, String dialect) throws Exception {
        setUp(url);
        baseline(url);
        ok(apply(url, server, dialect, "2", false, "v2.sql", """
                CREATE TABLE kept (id int PRIMARY KEY, note varchar(20));
                CREATE TABLE people (id int PRIMARY KEY, name varchar(20));
                CREATE TABLE loose (code varchar(10), note varchar(20));
                """));
        ok(apply(url, server, dialect, "3", false, "v3.sql", """
                CREATE TABLE kept (id int PRIMARY KEY, note varchar(20));
                CREATE TABLE loose (code varchar(10), note varchar(20));
                """));
        try (TargetSession session = TargetSession.open(Dialects.forUrl(url), url, ApplySettings.defaults())) {
            List<Backup> backups = session.backups();
            assertThat(backups).extracting(Backup::version).containsExactlyInAnyOrder("2", "3");
            session.prune(backups.stream().filter(b -> b.version().equals("2")).toList());
        }

        assertRefused(new RollbackMigration().run(url, "1", ApplySettings.defaults()),
                "version 2 cannot be rolled back", "was pruned", "nothing was rolled back");
        // Version 3 (newest, its backup intact) would have been taken back first: it was not.
        assertThat(tables(url)).doesNotContain("people");
        assertThat(history(url)).extracting(HistoryRow::state).containsExactly("success", "success", "success");
    }

    /** Version 2 drops a table without primary key (allowed to lose it), version 3 a column; rolling back to 1 is refused. */
    private void withoutReverse(String url, String server, String dialect) throws Exception {
        setUp(url);
        baseline(url);
        ok(apply(url, server, dialect, "2", true, "v2.sql", """
                CREATE TABLE kept (id int PRIMARY KEY, note varchar(20));
                CREATE TABLE people (id int PRIMARY KEY, name varchar(20), nickname varchar(20));
                """));
        ok(apply(url, server, dialect, "3", false, "v3.sql", """
                CREATE TABLE kept (id int PRIMARY KEY, note varchar(20));
                CREATE TABLE people (id int PRIMARY KEY, name varchar(20));
                """));

        assertRefused(new RollbackMigration().run(url, "1", ApplySettings.defaults()),
                "version 2 cannot be rolled back", "has no reverse", "loose", "nothing was rolled back");
        assertThat(TestDatabases.rows(url, "SELECT * FROM people")).containsExactly("1|Ada");
        assertThat(history(url)).extracting(HistoryRow::state).containsExactly("success", "success", "success");
        // Version 3 alone can still be taken back, with its column's values.
        List<ApplyResult> back = new RollbackMigration().run(url, "2", ApplySettings.defaults());
        assertThat(back).hasSize(1);
        ok(back.get(0));
        assertThat(TestDatabases.rows(url, "SELECT id, name, nickname FROM people")).containsExactly("1|Ada|countess");
    }

    private void setUp(String url) {
        TestDatabases.exec(url, statements(V1));
        TestDatabases.exec(url, statements(ROWS));
    }

    private static void baseline(String url) {
        try (TargetSession session = TargetSession.open(Dialects.forUrl(url), url, ApplySettings.defaults())) {
            ok(session.baseline("1", "adopted"));
        }
    }

    private ApplyResult apply(String url, String server, String dialect, String version, boolean allowDataLoss,
                              String file, String sql) throws Exception {
        Path path = Files.writeString(dir.resolve(file), sql);
        NamedSchema desired;
        try (SourceLoader loader = new SourceLoader(new SourceOptions(dialect, server))) {
            desired = new NamedSchema(file, loader.load(path.toString()).catalog());
        }
        return new ApplyMigration().run(new ApplyMigration.Request(desired, url, null, null, version, null,
                ApplySettings.defaults(), false, allowDataLoss, false, null, null));
    }

    private static List<HistoryRow> history(String url) {
        return TargetSession.readHistory(Dialects.forUrl(url), url, null);
    }

    private static List<String> tables(String url) throws Exception {
        return TestDatabases.rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + (url.startsWith("jdbc:postgresql") ? "'public'" : "database()"));
    }

    private static String[] statements(String script) {
        return script.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.substring(0, l.length() - 1))
                .toArray(String[]::new);
    }

    private static void ok(ApplyResult result) {
        assertThat(result.ok()).as(result.message()).isTrue();
    }

    /** A rollback refused before anything ran: one REFUSED result (exit 1), its message naming what stops it. */
    private static void assertRefused(List<ApplyResult> results, String... phrases) {
        assertThat(results).hasSize(1);
        assertThat(results.get(0).outcome()).isEqualTo(ApplyResult.Outcome.REFUSED);
        assertThat(results.get(0).message()).contains(phrases);
    }
}

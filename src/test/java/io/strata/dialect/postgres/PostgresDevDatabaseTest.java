package io.strata.dialect.postgres;

import io.strata.dialect.DevDatabase;
import io.strata.dialect.SqlScript;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Table;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Replaying scripts on scratch databases: results, errors that name script and line, and clean-up. */
class PostgresDevDatabaseTest {

    private static final String SERVER = TestDatabases.postgresServerUrl();

    @Test
    void replaysScriptsInOrderAndInspectsTheResult() {
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(SERVER)) {
            Catalog c = dev.replay(List.of(
                    new SqlScript("1.sql", "CREATE TABLE t (id int);\n-- a comment; with a semicolon\nCREATE VIEW v AS SELECT id FROM t;"),
                    new SqlScript("2.sql", "ALTER TABLE t ADD COLUMN name text; SET search_path = pg_catalog;")));
            Table t = c.schema("public").orElseThrow().table("t").orElseThrow();
            assertThat(t.columns()).extracting(col -> col.name()).containsExactly("id", "name");
            assertThat(c.schema("public").orElseThrow().views().get(0).definition()).contains("FROM t");
        }
    }

    @Test
    void aRejectedStatementNamesScriptLineAndServerMessage() {
        String script = """
                CREATE TABLE a (id int);

                -- the next statement reads a table that is not there
                CREATE VIEW b AS
                    SELECT id
                    FROM missing;
                """;
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(SERVER)) {
            StrataException e = catchThrowableOfType(StrataException.class,
                    () -> dev.replay(List.of(new SqlScript("a.sql", script))));
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).isEqualTo("a.sql:6: ERROR: relation \"missing\" does not exist");
        }
    }

    @Test
    void aDesiredStateRunsInAnyOrderWhileAnOrderedReplayStillStopsAtTheFirstMissingObject() {
        List<SqlScript> scripts = List.of(
                new SqlScript("schema.sql", "CREATE VIEW v AS SELECT id FROM t;\nCREATE TABLE u (t_id int REFERENCES t (id));"),
                new SqlScript("more.sql", "CREATE TABLE t (id int PRIMARY KEY);"));
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(SERVER)) {
            Catalog c = dev.replayDesiredState(scripts);
            assertThat(c.schema("public").orElseThrow().table("u").orElseThrow().foreignKeys()).hasSize(1);
            assertThat(c.schema("public").orElseThrow().views()).extracting(v -> v.name()).containsExactly("v");

            StrataException e = catchThrowableOfType(StrataException.class, () -> dev.replay(scripts));
            assertThat(e.getMessage()).isEqualTo("schema.sql:1: ERROR: relation \"t\" does not exist");
        }
    }

    @Test
    void aDesiredStateStatementThatCanNeverRunReportsItsFirstError() {
        String script = "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a_id int REFERENCES nowhere (id));\n"
                + "CREATE TABLE c (id int);";
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(SERVER)) {
            StrataException e = catchThrowableOfType(StrataException.class,
                    () -> dev.replayDesiredState(List.of(new SqlScript("a.sql", script))));
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).isEqualTo("a.sql:2: ERROR: relation \"nowhere\" does not exist");
        }
    }

    @Test
    void errorsNeverShowThePassword() {
        String withPassword = SERVER + (SERVER.contains("?") ? "&" : "?") + "password=s3cret";
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(withPassword)) {
            StrataException e = catchThrowableOfType(StrataException.class,
                    () -> dev.replay(List.of(new SqlScript("x.sql", "SELECT * FROM nowhere"))));
            assertThat(e.getMessage()).startsWith("x.sql:1: ERROR:").doesNotContain("s3cret");
        }
        try (PostgresDevDatabase dev = PostgresDevDatabase.at("jdbc:postgresql://127.0.0.1:1/db?user=u&password=s3cret")) {
            StrataException e = catchThrowableOfType(StrataException.class,
                    () -> dev.replay(List.of(new SqlScript("x.sql", "SELECT 1"))));
            assertThat(e.code()).isEqualTo(ErrorCode.UNREACHABLE);
            assertThat(e.getMessage()).doesNotContain("s3cret");
        }
    }

    @Test
    void scratchDatabasesAreDroppedEvenAfterAnError() throws SQLException {
        int before = scratchDatabases();
        try (PostgresDevDatabase dev = PostgresDevDatabase.at(SERVER)) {
            dev.replay(List.of(new SqlScript("ok.sql", "CREATE TABLE t (id int)")));
            catchThrowableOfType(StrataException.class, () -> dev.replay(List.of(new SqlScript("bad.sql", "CREATE TABLE"))));
        }
        assertThat(scratchDatabases()).isEqualTo(before);
    }

    /** The default scratch server is embedded, starts on first use without writing to stdout, and stops on close. */
    @Test
    void embeddedServerIsTheDefaultAndQuiet() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Catalog c;
        System.setOut(new PrintStream(captured, true));
        try (DevDatabase dev = new PostgresDialect().devDatabase(null)) {
            c = dev.replay(List.of(new SqlScript("e.sql", "CREATE TABLE e (id int)")));
        } finally {
            System.setOut(stdout);
        }
        assertThat(c.schema("public").orElseThrow().table("e")).isPresent();
        assertThat(c.serverVersion()).startsWith("18.");
        assertThat(captured.toString()).isEmpty();
    }

    private static int scratchDatabases() throws SQLException {
        try (Connection c = TestDatabases.connect(SERVER); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'strata\\_dev\\_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A desired-state file whose statements name objects it creates further down (a foreign key to a later table, a view
 * before its table) is read as the same schema as the file in its natural order, by diff, plan and apply.
 */
class AnyOrderSourceTest {

    private static final String PG_FOOS = """
            CREATE TABLE foos (
                id int PRIMARY KEY,
                bar_id int NOT NULL REFERENCES bars (id),
                active boolean NOT NULL DEFAULT true
            );
            """;
    private static final String PG_OUT_OF_ORDER = """
            CREATE VIEW active_foos AS SELECT id, bar_id FROM foos WHERE active;
            COMMENT ON TABLE bars IS 'things foos point at';
            """ + PG_FOOS + """
            CREATE INDEX foos_bar ON foos (bar_id);
            CREATE TABLE bars (id int PRIMARY KEY, name text NOT NULL);
            """;
    private static final String PG_NATURAL = """
            CREATE TABLE bars (id int PRIMARY KEY, name text NOT NULL);
            COMMENT ON TABLE bars IS 'things foos point at';
            """ + PG_FOOS + """
            CREATE INDEX foos_bar ON foos (bar_id);
            CREATE VIEW active_foos AS SELECT id, bar_id FROM foos WHERE active;
            """;
    private static final String MYSQL_OUT_OF_ORDER = """
            CREATE TABLE foos (
                id int NOT NULL PRIMARY KEY,
                bar_id int NOT NULL,
                CONSTRAINT foos_bar FOREIGN KEY (bar_id) REFERENCES bars (id)
            ) ENGINE=InnoDB;
            CREATE TABLE bars (id int NOT NULL PRIMARY KEY, name varchar(50) NOT NULL) ENGINE=InnoDB;
            """;
    private static final String MYSQL_NATURAL = """
            CREATE TABLE bars (id int NOT NULL PRIMARY KEY, name varchar(50) NOT NULL) ENGINE=InnoDB;
            CREATE TABLE foos (
                id int NOT NULL PRIMARY KEY,
                bar_id int NOT NULL,
                CONSTRAINT foos_bar FOREIGN KEY (bar_id) REFERENCES bars (id)
            ) ENGINE=InnoDB;
            """;

    @TempDir
    Path dir;

    private static String pgDev() {
        return TestDatabases.postgresServerUrl();
    }

    private static String mysqlDev() {
        return TestDatabases.mysqlServerUrl();
    }

    @Test
    void anOutOfOrderFileIsTheSameSchemaAsTheNaturalOrder() throws IOException {
        Path out = write("out.sql", PG_OUT_OF_ORDER);
        Path natural = write("natural.sql", PG_NATURAL);

        assertNoChanges("--dev-url", pgDev(), out.toString(), natural.toString());
    }

    @Test
    void planAndApplyOfAnOutOfOrderFileThenDiffShowsNothing() throws Exception {
        Path out = write("out.sql", PG_OUT_OF_ORDER);
        String url = TestDatabases.freshPostgres();

        CliRun plan = CliRun.of("plan", "--dev-url", pgDev(), url, out.toString(), "--format", "sql");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("CREATE TABLE").contains("bars").contains("active_foos");

        CliRun apply = CliRun.of("apply", "--dev-url", pgDev(), out.toString(), "--url", url, "--version", "1");
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        assertNoChanges("--dev-url", pgDev(), url, out.toString());
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT confrelid::regclass::text FROM pg_constraint WHERE contype = 'f'"
                     + " AND conrelid = 'foos'::regclass")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("bars");
        }
    }

    @Test
    void aTableThatNothingCreatesIsStillAnErrorNamingTheFileAndLine() throws IOException {
        Path typo = write("typo.sql", """
                CREATE TABLE bars (id int PRIMARY KEY);
                CREATE VIEW bar_ids AS
                    SELECT id FROM barz;
                CREATE TABLE later (id int);
                """);

        CliRun diff = CliRun.of("diff", "--dev-url", pgDev(), typo.toString(), typo.toString());
        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err()).contains(typo + ":3: ERROR: relation \"barz\" does not exist");
    }

    @Test
    void mysqlAnOutOfOrderFileIsTheSameSchemaAsTheNaturalOrder() throws IOException {
        Path out = write("out.sql", MYSQL_OUT_OF_ORDER);
        Path natural = write("natural.sql", MYSQL_NATURAL);

        assertNoChanges("--dialect", "mysql", "--dev-url", mysqlDev(), out.toString(), natural.toString());
    }

    @Test
    void mysqlApplyOfAnOutOfOrderFileThenDiffShowsNothing() throws IOException {
        Path out = write("out.sql", MYSQL_OUT_OF_ORDER);
        String url = TestDatabases.freshMysql();

        CliRun apply = CliRun.of("apply", "--dev-url", mysqlDev(), out.toString(), "--url", url, "--version", "1");
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        assertNoChanges("--dev-url", mysqlDev(), url, out.toString());
    }

    @Test
    void mysqlAForeignKeyToATableNothingCreatesNamesTheFileAndLine() throws IOException {
        Path typo = write("typo.sql", """
                CREATE TABLE bars (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
                CREATE TABLE foos (id int NOT NULL PRIMARY KEY, bar_id int NOT NULL,
                    CONSTRAINT foos_bar FOREIGN KEY (bar_id) REFERENCES barz (id)) ENGINE=InnoDB;
                """);

        CliRun diff = CliRun.of("diff", "--dialect", "mysql", "--dev-url", mysqlDev(), typo.toString(), typo.toString());
        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err()).contains(typo + ":2: ");
    }

    /** {@code strata diff ARGS} succeeds and finds nothing to change. */
    private static void assertNoChanges(String... args) {
        List<String> all = new ArrayList<>(List.of("diff", "--format", "json"));
        all.addAll(List.of(args));
        CliRun diff = CliRun.of(all.toArray(String[]::new));
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).isEmpty();
    }

    private Path write(String name, String sql) throws IOException {
        return Files.writeString(dir.resolve(name), sql);
    }
}

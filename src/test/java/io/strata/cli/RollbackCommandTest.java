package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata rollback}, {@code status} and {@code backups prune} on PostgreSQL and MariaDB: a plan that
 * drops a column, narrows a type and drops a table is taken back with every row as it was.
 */
class RollbackCommandTest {

    @TempDir
    Path dir;

    /** One dialect's schemas: v1, v2 (drop a column, narrow a type), v3 (drop a table), and rows for v1. */
    private record Case(String url, String dev, String v1, String v2, String v3, List<String> rows) {
    }

    @Test
    void postgresRollsBackStructureAndData() throws Exception {
        roundTrip(TestDatabases.freshPostgres(), TestDatabases.postgresServerUrl(), "text", "numeric");
    }

    @Test
    void mariadbRollsBackStructureAndData() throws Exception {
        roundTrip(TestDatabases.freshMysql(), TestDatabases.mysqlServerUrl(), "varchar(50)", "decimal");
    }

    /** The same schemas on each dialect, but for the names of a text and a decimal type. */
    private void roundTrip(String url, String dev, String text, String decimal) throws Exception {
        String notes = "CREATE TABLE notes (id int PRIMARY KEY, customer_id int, body text);\n";
        String v3 = "CREATE TABLE customers (id int PRIMARY KEY, name varchar(100) NOT NULL, price " + decimal + "(10,2));\n";
        String v1 = "CREATE TABLE customers (id int PRIMARY KEY, name varchar(100) NOT NULL, nickname " + text
                + " NOT NULL DEFAULT 'n', price " + decimal + "(10,4));\n" + notes;
        roundTrip(new Case(url, dev, v1, v3 + notes, v3, rows()));
    }

    @Test
    void aTableWithoutPrimaryKeyNeedsAllowDataLoss() throws Exception {
        String url = TestDatabases.freshPostgres();
        String dev = TestDatabases.postgresServerUrl();
        TestDatabases.exec(url, "CREATE TABLE loose (id int, extra text)", "INSERT INTO loose VALUES (1, 'a')");
        Path to = write("loose.sql", "CREATE TABLE loose (id int);\n");

        CliRun refused = CliRun.of("apply", "--dev-url", dev, to.toString(), "--url", url, "--version", "2");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("no primary key").contains("--allow-data-loss");
        assertThat(CliRun.of("status", "--url", url).out()).contains("no migrations recorded");

        CliRun allowed = CliRun.of("apply", "--dev-url", dev, to.toString(), "--url", url, "--version", "2",
                "--allow-data-loss");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        CliRun rollback = CliRun.of("rollback", "--url", url);
        // Refused, as a run is: exit 1, naming the statement, and nothing ran.
        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.err()).contains("cannot be rolled back").contains("has no reverse")
                .contains("nothing was rolled back");
        assertThat(TestDatabases.rows(url, "SELECT COUNT(*) FROM strata_history WHERE kind = 'rollback'"))
                .containsExactly("0");
    }

    private static List<String> rows() {
        return List.of(
                "INSERT INTO customers VALUES (1, 'Ada', 'countess', 12.3456), (2, 'Alan', 'prof', 0.0049), "
                        + "(3, 'Grace', 'amazing', NULL)",
                "INSERT INTO notes VALUES (10, 1, 'first'), (11, 2, NULL), (12, 3, 'it''s')");
    }

    private void roundTrip(Case c) throws Exception {
        TestDatabases.exec(c.url(), statements(c.v1()));
        TestDatabases.exec(c.url(), c.rows().toArray(String[]::new));
        Path v1 = write("v1.sql", c.v1());
        Path v2 = write("v2.sql", c.v2());
        Path v3 = write("v3.sql", c.v3());
        Map<String, String> original = checksums(c.url(), "customers", "notes");

        ok(CliRun.of("baseline", "--url", c.url(), "--version", "1"));
        ok(CliRun.of("apply", "--dev-url", c.dev(), v2.toString(), "--url", c.url(), "--version", "2"));
        Map<String, String> atV2 = checksums(c.url(), "customers", "notes");
        ok(CliRun.of("apply", "--dev-url", c.dev(), v3.toString(), "--url", c.url(), "--version", "3"));

        JsonNode backups = status(c.url()).get("backups");
        // version 2: the dropped column and the narrowed type; version 3: the dropped table.
        assertThat(backups).hasSize(3);
        assertThat(backups.findValuesAsText("version")).containsExactlyInAnyOrder("2", "2", "3");

        ok(CliRun.of("rollback", "--url", c.url()));
        assertSchema(c, v2);
        assertThat(checksums(c.url(), "customers", "notes")).isEqualTo(atV2);

        ok(CliRun.of("rollback", "--url", c.url(), "--to", "1"));
        assertSchema(c, v1);
        assertThat(checksums(c.url(), "customers", "notes")).isEqualTo(original);

        JsonNode history = status(c.url()).get("history");
        assertThat(history.findValuesAsText("kind")).containsExactly("baseline", "apply", "apply", "rollback", "rollback");
        assertThat(history.findValuesAsText("state")).containsExactly("success", "rolled back", "rolled back",
                "success", "success");
        assertThat(CliRun.of("status", "--url", c.url()).out()).contains("strata_backup table");

        ok(CliRun.of("backups", "prune", "--url", c.url(), "--version", "3"));
        assertThat(status(c.url()).get("backups")).hasSize(2);
        ok(CliRun.of("backups", "prune", "--url", c.url()));
        assertThat(status(c.url()).get("backups")).isEmpty();
    }

    static String[] statements(String script) {
        return java.util.Arrays.stream(script.split(";\n")).map(String::strip).filter(x -> !x.isEmpty())
                .toArray(String[]::new);
    }

    private static void assertSchema(Case c, Path expected) {
        CliRun diff = CliRun.of("diff", "--dev-url", c.dev(), c.url(), expected.toString(), "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
    }

    private static JsonNode status(String url) {
        CliRun status = CliRun.of("status", "--url", url, "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        return status.json();
    }

    private static void ok(CliRun run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    private Path write(String name, String sql) throws Exception {
        return Files.writeString(dir.resolve(name), sql);
    }

    /**
     * Each table's rows in key order, every column as text by column name, concatenated. By name, since
     * PostgreSQL puts a re-added column last: the schema compares equal, the column order does not.
     */
    static Map<String, String> checksums(String url, String... tables) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            for (String table : tables) {
                StringBuilder sum = new StringBuilder();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        java.util.TreeMap<String, String> row = new java.util.TreeMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnName(i), rs.getString(i));
                        }
                        sum.append(row).append('\n');
                    }
                } catch (java.sql.SQLException e) {
                    sum.append("missing");
                }
                out.put(table, sum.toString());
            }
        }
        return out;
    }
}

package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planned apply whose statement fails part-way takes back what it applied, newest first, and the target
 * equals its schema before the run, rows included; the history says {@code failed, reverted}. With
 * {@code --no-revert} the partial state stays, and {@code strata rollback} takes it back.
 */
class FailedApplyRevertTest {

    @TempDir
    Path dir;

    /** 200 orders; the desired schema adds a NOT NULL column without default and an index. */
    private static final String PG_BASE = """
            CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id), amount numeric(10,2) NOT NULL);
            """;
    private static final String PG_DESIRED = """
            CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text);
            CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id), amount numeric(10,2) NOT NULL,
                currency char(3) NOT NULL);
            CREATE INDEX orders_amount ON orders (amount);
            CREATE TABLE audit (id int PRIMARY KEY, note text);
            """;

    @Test
    void postgresFailedApplyIsRevertedWithItsRows() throws Exception {
        String url = pgOrders();
        Map<String, String> before = RollbackCommandTest.checksums(url, "customers", "orders");

        CliRun apply = apply(url, TestDatabases.postgresServerUrl(), PG_DESIRED);
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(1);
        JsonNode result = apply.json().get("results").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(result.get("message").asText()).contains("failed:").contains("currency").contains("reverted:")
                .contains("the target is as the run found it");
        assertThat(result.get("statementsApplied").asInt()).isZero();

        assertSchema(url, TestDatabases.postgresServerUrl(), PG_BASE);
        assertThat(RollbackCommandTest.checksums(url, "customers", "orders")).isEqualTo(before);
        JsonNode row = lastHistoryRow(url);
        assertThat(row.get("state").asText()).isEqualTo("failed, reverted");
        assertThat(row.get("statementsApplied").asInt()).isZero();
        assertThat(TestDatabases.rows(url, "SELECT COUNT(*) FROM strata_history_steps WHERE applied_at IS NOT NULL"))
                .containsExactly("0");

        // Nothing of it stands, so nothing is resumed: the next apply plans afresh (and, with a default, lands).
        CliRun fixed = apply(url, TestDatabases.postgresServerUrl(),
                PG_DESIRED.replace("currency char(3) NOT NULL", "currency char(3) NOT NULL DEFAULT 'EUR'"));
        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
    }

    @Test
    void postgresNoRevertKeepsThePartialRunAndRollbackTakesItBack() throws Exception {
        String url = pgOrders();
        Map<String, String> before = RollbackCommandTest.checksums(url, "customers", "orders");

        CliRun apply = apply(url, TestDatabases.postgresServerUrl(), PG_DESIRED, "--no-revert");
        assertThat(apply.exitCode()).isEqualTo(1);
        JsonNode result = apply.json().get("results").get(0);
        int standing = result.get("statementsApplied").asInt();
        assertThat(standing).as(result.toString()).isPositive();
        assertThat(result.get("message").asText()).contains("stand (--no-revert)").contains("strata rollback");
        assertThat(lastHistoryRow(url).get("state").asText()).isEqualTo("failed");
        CliRun drift = CliRun.of("diff", "--dev-url", TestDatabases.postgresServerUrl(), url,
                write("base.sql", PG_BASE).toString(), "--format", "json");
        assertThat(drift.json().get("changes")).as("the partial run stands").isNotEmpty();

        CliRun rollback = CliRun.of("rollback", "--url", url, "--format", "json");
        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.json().get("results").get(0).get("statementsTotal").asInt()).isPositive();
        assertSchema(url, TestDatabases.postgresServerUrl(), PG_BASE);
        assertThat(RollbackCommandTest.checksums(url, "customers", "orders")).isEqualTo(before);
        JsonNode history = status(url).get("history");
        assertThat(history.findValuesAsText("state")).containsExactly("failed, reverted", "success");
        assertThat(history.findValuesAsText("kind")).containsExactly("apply", "rollback");
    }

    @Test
    void aConcurrentIndexBuildThatFailsLeavesNoInvalidIndexBehind() throws Exception {
        String url = pgOrders();
        TestDatabases.exec(url, "UPDATE customers SET name = 'same'");
        String desired = PG_BASE + "CREATE UNIQUE INDEX customers_name ON customers (name);\n"
                + "CREATE TABLE audit (id int PRIMARY KEY);\n";

        CliRun apply = apply(url, TestDatabases.postgresServerUrl(), desired);
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(1);
        assertThat(apply.json().get("results").get(0).get("message").asText()).contains("CONCURRENTLY")
                .contains("reverted:");
        // PostgreSQL keeps a failed concurrent build as an INVALID index; the reversal drops it with the rest.
        assertThat(TestDatabases.rows(url, "SELECT relname FROM pg_class WHERE relname IN ('customers_name', 'audit')"))
                .isEmpty();
        assertSchema(url, TestDatabases.postgresServerUrl(), PG_BASE);
        assertThat(lastHistoryRow(url).get("state").asText()).isEqualTo("failed, reverted");
    }

    @Test
    void mariadbFailedApplyIsRevertedStatementByStatement() throws Exception {
        String url = TestDatabases.freshMysql();
        String dev = TestDatabases.mysqlServerUrl();
        String base = """
                CREATE TABLE customers (id int PRIMARY KEY, name varchar(50) NOT NULL);
                CREATE TABLE orders (id int PRIMARY KEY, customer_id int, code varchar(20), note varchar(100));
                """;
        TestDatabases.exec(url, RollbackCommandTest.statements(base));
        TestDatabases.exec(url, "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Alan')",
                "INSERT INTO orders VALUES (1, 1, '12', 'a'), (2, 2, 'x-13', 'b'), (3, 1, NULL, 'c')");
        Map<String, String> before = RollbackCommandTest.checksums(url, "customers", "orders");
        // A new table and column land first; the text -> int change fails on 'x-13'.
        String desired = """
                CREATE TABLE audit (id int PRIMARY KEY, note varchar(40));
                CREATE TABLE customers (id int PRIMARY KEY, name varchar(50) NOT NULL, email varchar(80));
                CREATE TABLE orders (id int PRIMARY KEY, customer_id int, code int, note varchar(100));
                """;

        CliRun apply = apply(url, dev, desired, "--dialect", "mysql");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isEqualTo(1);
        String message = apply.json().get("results").get(0).get("message").asText();
        assertThat(message).contains("failed:").contains("reverted: the").contains("statement(s) that had run were taken back");

        assertSchema(url, dev, base, "--dialect", "mysql");
        assertThat(RollbackCommandTest.checksums(url, "customers", "orders")).isEqualTo(before);
        assertThat(lastHistoryRow(url).get("state").asText()).isEqualTo("failed, reverted");
    }

    private String pgOrders() {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, RollbackCommandTest.statements(PG_BASE));
        TestDatabases.exec(url, "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 20) g",
                "INSERT INTO orders SELECT g, 1 + g % 20, g * 1.25 FROM generate_series(1, 200) g");
        return url;
    }

    /** Apply with the data checks skipped: they would refuse these plans before any statement ran. */
    private CliRun apply(String url, String dev, String desired, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("apply", "--dev-url", dev,
                write("desired.sql", desired).toString(), "--url", url, "--version", "2", "--skip-data-checks",
                "--format", "json"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void assertSchema(String url, String dev, String expected, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("diff", "--dev-url", dev, url,
                write("expected.sql", expected).toString(), "--format", "json"));
        args.addAll(List.of(more));
        CliRun diff = CliRun.of(args.toArray(String[]::new));
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
    }

    private static JsonNode lastHistoryRow(String url) {
        JsonNode history = status(url).get("history");
        return history.get(history.size() - 1);
    }

    private static JsonNode status(String url) {
        CliRun status = CliRun.of("status", "--url", url, "--format", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        return status.json();
    }

    private Path write(String name, String sql) throws Exception {
        return Files.writeString(dir.resolve(name), sql);
    }
}

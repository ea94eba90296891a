package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online column swap of a renamed column on MariaDB, phase by phase, with old and new clients writing
 * in between: the triggers keep both columns in step, the backfill runs in batches and resumes after a
 * batch that gave way on a row lock, and CONTRACT (where the price's type changes in place) leaves the
 * desired schema with every value.
 */
class MySqlOnlineColumnChangeTest {

    private static final String A = """
            CREATE TABLE items (id int PRIMARY KEY, qty int NOT NULL DEFAULT 0, price decimal(10,2), note text);
            """;
    private static final String B = """
            CREATE TABLE items (
                id int PRIMARY KEY,
                quantity int NOT NULL DEFAULT 0, -- strata:renamed-from qty
                price bigint,
                note text
            );
            """;

    private String url;
    private Path desired;

    @BeforeEach
    void database() throws Exception {
        url = TestDatabases.freshMysql();
        TestDatabases.exec(url, A, "INSERT INTO items SELECT seq, seq % 50, seq * 1.25, CONCAT('n', seq) FROM seq_1_to_1000",
                "ANALYZE TABLE items");
        desired = Files.createTempFile("strata-online-mysql", ".sql");
        Files.writeString(desired, B);
    }

    private CliRun apply(String phase, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--dev-url", TestDatabases.mysqlServerUrl(), desired.toString(),
                "--url", url, "--phase", phase, "--batch-size", "100", "--batch-pause", "0ms"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void oldAndNewClientsStayInStepUntilContract() throws Exception {
        CliRun expand = apply("EXPAND");
        assertThat(expand.exitCode()).as(expand.err()).isZero();
        TestDatabases.exec(url,
                "INSERT INTO items (id, qty, price, note) VALUES (5001, 7, 3.5, 'old app')",
                "INSERT INTO items (id, quantity, price, note) VALUES (5002, 9, 2, 'new app')",
                "UPDATE items SET qty = 11 WHERE id = 5",
                "UPDATE items SET quantity = 12 WHERE id = 6");
        assertThat(rows("SELECT id, qty, quantity FROM items WHERE id IN (5, 6, 5001, 5002) ORDER BY id"))
                .containsExactly("5|11|11", "6|12|12", "5001|7|7", "5002|9|9");

        CliRun migrate = apply("MIGRATE");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).as("sized from the statistics").containsPattern("pre-flight:\\n  backfill .* ~\\d[\\d,]* rows in");
        assertThat(rows("SELECT COUNT(*) FROM items WHERE NOT (quantity <=> qty)")).containsExactly("0");
        assertThat(rows("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE table_schema = DATABASE() "
                + "AND column_name = 'price_strata_new'")).as("a type change without rename stays in place").containsExactly("0");

        CliRun contract = apply("CONTRACT");
        assertThat(contract.exitCode()).as(contract.err()).isZero();
        CliRun diff = CliRun.of("diff", "--dev-url", TestDatabases.mysqlServerUrl(), url, desired.toString(), "--format", "json");
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
        assertThat(rows("SELECT id, quantity, price FROM items WHERE id IN (5, 6, 5001, 5002) ORDER BY id"))
                .containsExactly("5|11|6", "6|12|8", "5001|7|4", "5002|9|2");
        assertThat(rows("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE trigger_schema = DATABASE()"))
                .containsExactly("0");
    }

    @Test
    void aBackfillBatchThatGaveWayOnARowLockResumes() throws Exception {
        assertThat(apply("EXPAND").exitCode()).isZero();
        try (Connection holder = TestDatabases.connect(url); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("SELECT * FROM items WHERE id = 750 FOR UPDATE");
            CliRun stuck = apply("MIGRATE", "--lock-timeout", "1s", "--retries", "0");
            assertThat(stuck.exitCode()).isEqualTo(1);
            holder.rollback();
        }
        assertThat(rows("SELECT progress FROM strata_history_steps WHERE statement LIKE '/* strata:backfill%' "
                + "AND statement LIKE '%SET `quantity`%'")).containsExactly("[\"700\"]");
        CliRun resumed = apply("MIGRATE");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(rows("SELECT COUNT(*) FROM items WHERE NOT (quantity <=> qty)")).containsExactly("0");
    }

    private List<String> rows(String sql) throws SQLException {
        return TestDatabases.rows(url, sql);
    }
}

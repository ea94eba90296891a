package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
 * A renamed column and a rewriting type change applied online, phase by phase, while the old and the new
 * application write: EXPAND keeps both columns in step through triggers, MIGRATE backfills in batches and
 * resumes after a failed batch, CONTRACT leaves exactly the desired schema with every value in place.
 */
class OnlineColumnChangeTest {

    private static final String A = """
            CREATE TABLE items (id int PRIMARY KEY, qty int NOT NULL DEFAULT 0, price numeric(10,2), note text);
            CREATE INDEX items_qty_idx ON items (qty);
            INSERT INTO items SELECT g, g % 50, g * 1.25, 'n' || g FROM generate_series(1, 2500) g;
            ANALYZE items;
            """;
    private static final String B = """
            CREATE TABLE items (
                id int PRIMARY KEY,
                quantity int NOT NULL DEFAULT 0, -- strata:renamed-from qty
                price bigint,
                note text
            );
            CREATE INDEX items_qty_idx ON items (quantity);
            """;

    private String dev;
    private String url;
    private Path desired;

    @BeforeEach
    void database() throws Exception {
        dev = TestDatabases.postgresServerUrl();
        url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, A);
        desired = Files.createTempFile("strata-online", ".sql");
        Files.writeString(desired, B);
    }

    private CliRun apply(String phase, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--dev-url", dev, desired.toString(), "--url", url,
                "--phase", phase, "--batch-size", "100", "--batch-pause", "0ms"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void oldAndNewClientsStayInStepUntilContract() throws Exception {
        CliRun expand = apply("EXPAND");
        assertThat(expand.exitCode()).as(expand.err()).isZero();
        assertThat(expand.out()).contains("next: strata apply").contains("--phase MIGRATE");

        // The old application writes qty, the new one quantity; each sees the other's writes.
        TestDatabases.exec(url,
                "INSERT INTO items (id, qty, price, note) VALUES (100001, 7, 3.5, 'old app')",
                "INSERT INTO items (id, quantity, price, note) VALUES (100002, 9, 2, 'new app')",
                "INSERT INTO items (id, price) VALUES (100003, 1)",
                "UPDATE items SET qty = 11 WHERE id = 5",
                "UPDATE items SET quantity = 12 WHERE id = 6");
        assertThat(rows("SELECT id, qty, quantity FROM items WHERE id IN (5, 6, 100001, 100002, 100003) ORDER BY id"))
                .containsExactly("5|11|11", "6|12|12", "100001|7|7", "100002|9|9", "100003|0|0");
        assertThat(rows("SELECT count(*) FROM items WHERE quantity IS NULL")).containsExactly("2498");

        CliRun early = apply("CONTRACT");
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).contains("MIGRATE comes next");

        CliRun migrate = apply("MIGRATE");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).as("sized before it ran").contains("pre-flight:")
                // The row count is PostgreSQL's estimate (statistics), which lands a few rows either side of 2,500.
                .containsPattern("~2,[45]\\d\\d rows in 2[56] batches of 100");
        assertThat(migrate.out()).contains("then deploy the application version that reads and writes public.items.quantity");
        assertThat(rows("SELECT count(*) FROM items WHERE quantity IS DISTINCT FROM qty "
                + "OR price_strata_new IS DISTINCT FROM price::bigint")).containsExactly("0");
        assertThat(rows("SELECT progress FROM strata_history_steps WHERE statement LIKE '/* strata:backfill%' ORDER BY ordinal"))
                .as("each batch saved its last key").allMatch(p -> p.matches("\\[\"\\d+\"]"));

        CliRun contract = apply("CONTRACT");
        assertThat(contract.exitCode()).as(contract.err()).isZero();
        CliRun diff = CliRun.of("diff", "--dev-url", dev, url, desired.toString(), "--format", "json");
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
        assertThat(rows("SELECT id, quantity, price FROM items WHERE id IN (5, 6, 100001, 100002) ORDER BY id"))
                .containsExactly("5|11|6", "6|12|8", "100001|7|4", "100002|9|2");
        assertThat(rows("SELECT count(*) FROM items WHERE quantity <> id % 50 AND id <= 2500")).containsExactly("2");
        assertThat(rows("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'strata_sync%'")).containsExactly("0");

        JsonNode history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        assertThat(history).extracting(h -> h.get("phase").asText()).containsExactly("EXPAND", "MIGRATE", "CONTRACT");
        assertThat(apply("CONTRACT").out()).contains("already at");
    }

    @Test
    void aBackfillThatGaveWayResumesAfterItsLastBatch() throws Exception {
        assertThat(apply("EXPAND").exitCode()).isZero();
        try (Connection holder = TestDatabases.connect(url); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            // Row 1950 is locked: the batch holding it gives way on the lock timeout; the batches before it commit.
            s.execute("SELECT * FROM items WHERE id = 1950 FOR UPDATE");
            CliRun stuck = apply("MIGRATE", "--lock-timeout", "200ms", "--retries", "0");
            assertThat(stuck.exitCode()).isEqualTo(1);
            assertThat(stuck.err()).contains("lock");
            holder.rollback();
        }
        assertThat(rows("SELECT progress FROM strata_history_steps WHERE statement LIKE '/* strata:backfill%' "
                + "AND statement LIKE '%SET \"quantity\"%'")).containsExactly("[\"1900\"]");
        assertThat(rows("SELECT count(*) FROM items WHERE quantity IS NULL")).containsExactly("600");

        CliRun resumed = apply("MIGRATE");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(rows("SELECT count(*) FROM items WHERE quantity IS DISTINCT FROM qty")).containsExactly("0");
        JsonNode history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        assertThat(history).as("the failed MIGRATE row was resumed, not repeated").hasSize(2);
        assertThat(history.get(1).get("state").asText()).isEqualTo("success");
    }

    private List<String> rows(String sql) throws SQLException {
        return TestDatabases.rows(url, sql);
    }
}

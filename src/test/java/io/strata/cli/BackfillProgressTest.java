package io.strata.cli;

import io.strata.app.ApplySchema;
import io.strata.migrate.ApplyProgress;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.BackfillProgress;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill of 20,000 rows in batches of 1,000 reports its progress while it runs, and the pre-flight estimate
 * comes before the first statement: to a listener (what the executor promises) and on the command line (what a
 * person sees).
 */
class BackfillProgressTest {

    private static final int ROWS = 20_000;
    private static final String BEFORE = """
            CREATE TABLE items (id int PRIMARY KEY, qty int NOT NULL DEFAULT 0);
            INSERT INTO items SELECT g, g % 50 FROM generate_series(1, 20000) g;
            ANALYZE items;
            """;
    private static final String AFTER = """
            CREATE TABLE items (
                id int PRIMARY KEY,
                quantity int NOT NULL DEFAULT 0 -- strata:renamed-from qty
            );
            """;

    private static Path desired;

    @BeforeAll
    static void desiredSchema() throws Exception {
        desired = Files.createTempFile("strata-progress", ".sql");
        Files.writeString(desired, AFTER);
    }

    private static String target() {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, BEFORE);
        return url;
    }

    /** What the listener heard, with what the database held at that moment. */
    private record Heard(BackfillProgress progress, long rowsStillToWrite) {
    }

    @Test
    void theListenerHearsTheEstimateBeforeAnyStatementAndEachBatchAsItCommits() throws Exception {
        String url = target();
        List<String> preflight = new ArrayList<>();
        List<Boolean> columnExistedAtPreflight = new ArrayList<>();
        List<Heard> heard = new ArrayList<>();
        ApplyProgress listener = new ApplyProgress() {
            @Override
            public boolean preflight(List<String> lines) {
                preflight.addAll(lines);
                columnExistedAtPreflight.add(query(url, "SELECT count(*) FROM information_schema.columns "
                        + "WHERE table_name = 'items' AND column_name = 'quantity'") > 0);
                return true;
            }

            @Override
            public void backfill(BackfillProgress progress) {
                assertThat(preflight).as("the estimate came first").isNotEmpty();
                heard.add(new Heard(progress, query(url, "SELECT count(*) FROM items WHERE quantity IS NULL")));
            }
        };
        ApplySettings settings = new ApplySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), 0, Duration.ZERO,
                null, 1000, Duration.ZERO);
        ApplyResult result;
        try (SourceLoader loader = new SourceLoader(new SourceOptions(null, TestDatabases.postgresServerUrl()))) {
            result = new ApplySchema(loader, listener).run(new ApplySchema.Request(desired.toString(), url, null, "1",
                    null, settings, false, false, false, null, null));
        }
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.message()).as("shown already, not repeated").doesNotContain("pre-flight:");

        assertThat(preflight).anyMatch(l -> l.contains("~20,000 rows in 20 batches of 1,000"));
        assertThat(columnExistedAtPreflight).as("no statement had run").containsExactly(false);

        assertThat(heard).hasSizeGreaterThanOrEqualTo(20);
        long previous = 0;
        for (Heard h : heard) {
            BackfillProgress p = h.progress();
            assertThat(p.table()).isEqualTo("public.items");
            assertThat(p.column()).isEqualTo("quantity");
            assertThat(p.rowsDone()).isGreaterThanOrEqualTo(previous);
            // Heard while the backfill runs: the rows it has not reached yet are still to write.
            assertThat(h.rowsStillToWrite()).as(p.line()).isEqualTo(ROWS - p.rowsDone());
            assertThat(p.rowsEstimated()).isEqualTo(ROWS);
            previous = p.rowsDone();
        }
        assertThat(heard.get(0).progress().rowsDone()).isEqualTo(1000);
        assertThat(heard.get(0).progress().finished()).isFalse();
        assertThat(heard.get(0).progress().timeLeft()).isPresent();
        assertThat(heard.get(0).progress().line()).contains("1,000 of ~20,000 rows (5%)").contains("rows/s").contains("left");
        BackfillProgress last = heard.get(heard.size() - 1).progress();
        assertThat(last.finished()).isTrue();
        assertThat(last.rowsDone()).isEqualTo(ROWS);
        assertThat(heard.stream().filter(h -> h.progress().finished())).hasSize(1);
    }

    @Test
    void theCommandLinePrintsTheEstimateThenTheBackfillThenTheResult() {
        String url = target();
        CliRun run = CliRun.of("apply", "--dev-url", TestDatabases.postgresServerUrl(), desired.toString(), "--url", url,
                "--batch-size", "1000", "--batch-pause", "0ms");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        int estimate = out.indexOf("pre-flight:");
        int backfill = out.indexOf("backfill public.items.quantity: 20,000 of ~20,000 rows (100%)");
        int applied = out.indexOf("applied version");
        assertThat(estimate).as(out).isNotNegative();
        assertThat(backfill).as(out).isGreaterThan(estimate);
        assertThat(applied).as(out).isGreaterThan(backfill);
        assertThat(out).as("a log gets plain lines, no carriage returns").doesNotContain("\r");
        assertThat(out.split("pre-flight:", -1)).as("printed once").hasSize(2);
    }

    @Test
    void jsonOutputHasNoProgressLinesAndKeepsTheEstimateInItsResult() {
        String url = target();
        CliRun run = CliRun.of("apply", "--dev-url", TestDatabases.postgresServerUrl(), desired.toString(), "--url", url,
                "--batch-size", "1000", "--batch-pause", "0ms", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String message = run.json().get("results").get(0).get("message").asText();
        assertThat(message).startsWith("pre-flight:").contains("~20,000 rows in 20 batches of 1,000");
    }

    private static long query(String url, String sql) {
        try {
            return Long.parseLong(TestDatabases.rows(url, sql).get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

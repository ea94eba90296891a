package io.strata.migrate;

import io.strata.dialect.Dialects;
import io.strata.plan.Reverse;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a failed run cannot be taken back whole, the reversal stops and the history says exactly which statements
 * stand: a reverse that fails stops it where it failed; a statement without reverse keeps it from starting.
 */
class ReversalTest {

    /** The statement every run below fails on: table a exists by then. */
    private static final Batch FAILING = batch("CREATE TABLE a (id int)", new Reverse.Sql(List.of()));

    @Test
    void aReverseThatFailsStopsThereOnPostgres() throws Exception {
        reverseFails(TestDatabases.freshPostgres());
    }

    @Test
    void aReverseThatFailsStopsThereOnMariaDb() throws Exception {
        reverseFails(TestDatabases.freshMysql());
    }

    @Test
    void aStatementWithoutReverseKeepsTheReversalFromStarting() throws Exception {
        String url = TestDatabases.freshPostgres();
        ApplyResult result = run(url, List.of(
                batch("CREATE TABLE a (id int)", new Reverse.Sql(List.of("DROP TABLE a"))),
                batch("CREATE TABLE c (id int)", new Reverse.Irreversible("it was written by hand")),
                FAILING));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(result.message()).contains("not reverted: statement 2 (CREATE TABLE c (id int)) has no reverse: "
                + "it was written by hand").contains("statement(s) [1, 2] of version 7 stand");
        assertThat(result.statementsApplied()).isEqualTo(2);
        assertThat(tables(url)).contains("a", "c");
        assertThat(history(url).state()).isEqualTo("failed");
    }

    /** Statement 2's reverse runs first and lands; statement 1's fails: 1 stands, 2 does not. */
    private static void reverseFails(String url) throws Exception {
        ApplyResult result = run(url, List.of(
                batch("CREATE TABLE a (id int)", new Reverse.Sql(List.of("DROP TABLE no_such_table"))),
                batch("CREATE TABLE b (id int)", new Reverse.Sql(List.of("DROP TABLE b"))),
                FAILING));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(result.message()).contains("statement 3 of 3 failed")
                .contains("not reverted: the reverse of statement 1 failed").contains("no_such_table")
                .contains("statement(s) [1] of version 7 stand");
        assertThat(result.statementsApplied()).isEqualTo(1);
        assertThat(tables(url)).contains("a").doesNotContain("b");
        HistoryRow row = history(url);
        assertThat(row.state()).isEqualTo("failed");
        assertThat(row.statementsApplied()).isEqualTo(1);
        assertThat(row.error()).contains("not reverted");
        assertThat(TestDatabases.rows(url, "SELECT ordinal FROM strata_history_steps WHERE applied_at IS NOT NULL"))
                .containsExactly("1");
    }

    private static Batch batch(String sql, Reverse reverse) {
        return new Batch(List.of(sql), false, List.of(new Undo(reverse, null)));
    }

    private static ApplyResult run(String url, List<Batch> batches) {
        try (TargetSession session = TargetSession.open(Dialects.forUrl(url), url, ApplySettings.defaults())) {
            return session.run(Migration.of("7", "reversal test", "apply", "digest", batches));
        }
    }

    private static HistoryRow history(String url) {
        List<HistoryRow> rows = TargetSession.readHistory(Dialects.forUrl(url), url, null);
        return rows.get(rows.size() - 1);
    }

    private static List<String> tables(String url) throws Exception {
        String schema = url.startsWith("jdbc:postgresql") ? "current_schema()" : "DATABASE()";
        return TestDatabases.rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = " + schema);
    }
}

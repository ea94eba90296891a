package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import io.strata.dialect.SqlStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata plan} end to end: the printed plan, applied to a live database, gives the desired schema. */
class PlanCommandTest {

    private static String dev() {
        return TestDatabases.postgresServerUrl();
    }

    @Test
    void planAppliedToALiveDatabaseReachesTheDesiredSchema() throws Exception {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, Files.readString(Path.of("examples/shop/v1.sql")));

        CliRun sql = CliRun.of("plan", "--dev-url", dev(), url, "examples/shop/v2.sql", "--format", "sql");
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        assertThat(sql.out()).contains("-- strata:phase EXPAND")
                .contains("-- add column \"public\".\"orders\".\"placed_at\"").doesNotContain("strata_dev");
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String statement : sql.out().split(";\\s*\\n")) {
                String body = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!body.isEmpty()) {
                    s.execute(body);
                }
            }
        }
        CliRun after = CliRun.of("diff", "--dev-url", dev(), url, "examples/shop/v2.sql", "--format", "json");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.json().get("changes")).as(sql.out()).isEmpty();
    }

    /**
     * A table name holding a line break and a statement: the plan's SQL, cut into statements as psql reads it (a
     * {@code --} comment ends at the line break), holds the planned statements and nothing else, and running them
     * leaves table keepme standing.
     */
    @Test
    void aNameWithALineBreakCannotEndAComment(@TempDir Path dir) throws Exception {
        String name = "x\r\nDROP TABLE keepme;--\u2028\nDROP TABLE keepme;";
        String quoted = "\"" + name + "\"";
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, "CREATE TABLE keepme (id int PRIMARY KEY)",
                "CREATE TABLE " + quoted + " (id int PRIMARY KEY)");
        Path desired = dir.resolve("desired.sql");
        Files.writeString(desired, "CREATE TABLE keepme (id int PRIMARY KEY);\n"
                + "CREATE TABLE " + quoted + " (id int PRIMARY KEY, note text);\n");

        CliRun sql = CliRun.of("plan", "--dev-url", dev(), url, desired.toString(), "--format", "sql");
        CliRun json = CliRun.of("plan", "--dev-url", dev(), url, desired.toString(), "--format", "json");
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        assertThat(json.exitCode()).as(json.err()).isZero();

        List<String> planned = new ArrayList<>();
        json.json().get("phases").forEach(p -> p.get("steps").forEach(s -> planned.add(s.get("sql").asText())));
        List<String> statements = SqlStatements.split(sql.out(), false).stream()
                .map(t -> withoutLeadingComments(t.text())).filter(t -> !t.isEmpty()).toList();
        assertThat(planned).as(sql.out()).hasSize(1).allSatisfy(s -> assertThat(s).contains("ADD COLUMN"));
        assertThat(statements).as(sql.out()).containsExactlyElementsOf(planned);
        assertThat(sql.out()).as("every comment is one line").contains("\\u000D\\u000ADROP TABLE keepme;--\\u2028");

        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (SqlStatements.Statement statement : SqlStatements.split(sql.out(), false)) {
                s.execute(statement.text());
            }
        }
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM keepme")).containsExactly("0");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"))
                .containsExactly("1");
    }

    /** A statement as the splitter cut it, without the comment lines before it (blank lines, then "-- ..." lines). */
    private static String withoutLeadingComments(String text) {
        String rest = text.stripLeading();
        while (rest.startsWith("--")) {
            int end = rest.indexOf('\n');
            rest = end < 0 ? "" : rest.substring(end + 1).stripLeading();
        }
        return rest.strip();
    }

    @Test
    void jsonPlanCarriesPhasesStepsReversesAndLocks() {
        CliRun run = CliRun.of("plan", "--dev-url", dev(), "examples/shop/v2.sql", "examples/shop/v3.sql",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = run.json();
        assertThat(plan.get("dialect").asText()).isEqualTo("postgres");
        assertThat(plan.get("reversible").asBoolean()).as("v3 drops a column: its values cannot come back").isFalse();
        assertThat(plan.get("phases")).extracting(p -> p.get("kind").asText()).contains("EXPAND", "CONTRACT");
        JsonNode first = plan.get("phases").get(0).get("steps").get(0);
        assertThat(first.get("sql").asText()).isNotBlank();
        assertThat(first.get("lock").get("level").asText()).isNotBlank();
        assertThat(first.has("reverse") || first.has("irreversible")).isTrue();
    }

    @Test
    void equalSchemasGiveAnEmptyPlan() {
        CliRun run = CliRun.of("plan", "--dev-url", dev(), "examples/shop/v1.sql", "examples/shop/v1.sql");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no changes");
    }
}

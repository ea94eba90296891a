package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

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
        assertThat(sql.out()).contains("-- strata:phase EXPAND");
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

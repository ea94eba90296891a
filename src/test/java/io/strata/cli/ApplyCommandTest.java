package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata apply} and {@code strata status} on a live PostgreSQL database. */
class ApplyCommandTest {

    private static String dev() {
        return TestDatabases.postgresServerUrl();
    }

    @Test
    void appliesRecordsAndThenHasNothingToDo() throws Exception {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, Files.readString(Path.of("examples/shop/v1.sql")));

        CliRun apply = CliRun.of("apply", "--dev-url", dev(), "examples/shop/v2.sql", "--url", url,
                "--version", "2", "--expect", "examples/shop/v1.sql");
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        CliRun diff = CliRun.of("diff", "--dev-url", dev(), url, "examples/shop/v2.sql", "--format", "json");
        // Strata's own history tables are not part of the schema a diff compares.
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).isEmpty();

        CliRun status = CliRun.of("status", "--url", url, "--format", "json");
        var rows = status.json().get("history");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("version").asText()).isEqualTo("2");
        assertThat(rows.get(0).get("state").asText()).isEqualTo("success");
        assertThat(rows.get(0).get("statementsApplied").asInt()).isEqualTo(rows.get(0).get("statementsTotal").asInt())
                .isPositive();

        CliRun again = CliRun.of("apply", "--dev-url", dev(), "examples/shop/v2.sql", "--url", url, "--format", "json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.json().get("results").get(0).get("outcome").asText()).isEqualTo("UP_TO_DATE");
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("history")).hasSize(1);
    }

    @Test
    void driftFromTheExpectedSchemaRunsNothing() throws Exception {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, Files.readString(Path.of("examples/shop/v1.sql")), "CREATE TABLE stray (id int)");

        CliRun apply = CliRun.of("apply", "--dev-url", dev(), "examples/shop/v2.sql", "--url", url,
                "--expect", "examples/shop/v1.sql");
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).contains("stray");
        assertThat(CliRun.of("status", "--url", url).out()).contains("no migrations recorded");
    }

    @Test
    void aHeldLockMakesApplyWaitThenNameTheHolder() throws Exception {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, Files.readString(Path.of("examples/shop/v1.sql")));
        try (Connection holder = TestDatabases.connect(url); Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'other migrator'");
            s.execute("SELECT pg_advisory_lock(" + 0x57A7A001L + ")");

            CliRun apply = CliRun.of("apply", "--dev-url", dev(), "examples/shop/v2.sql", "--url", url, "--wait", "300ms");
            assertThat(apply.exitCode()).isEqualTo(1);
            assertThat(apply.err()).contains("another migration holds the lock").contains("other migrator").contains("pid");

            // The other commands that take the lock say the same, with the same exit code: busy, not bad input.
            CliRun baseline = CliRun.of("baseline", "--url", url, "--version", "1", "--wait", "300ms");
            assertThat(baseline.exitCode()).isEqualTo(1);
            assertThat(baseline.err()).contains("another migration holds the lock");
        }
    }
}

package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end checks of {@code strata diff} and {@code strata inspect} against real PostgreSQL. */
class DiffCommandTest {

    private static String dev() {
        return TestDatabases.postgresServerUrl();
    }

    @Test
    void sameSchemaGivesAnEmptyChangesArray() {
        CliRun run = CliRun.of("diff", "--dev-url", dev(), "examples/shop/v1.sql", "examples/shop/v1.sql", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("changes").isArray()).isTrue();
        assertThat(run.json().get("changes")).isEmpty();
    }

    @Test
    void liveDatabaseAndItsDdlCompareEqualInCanonicalForm() throws Exception {
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, Files.readString(Path.of("examples/shop/v1.sql")));
        CliRun same = CliRun.of("diff", "--dev-url", dev(), url, "examples/shop/v1.sql", "--format", "json");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.json().get("changes")).isEmpty();

        CliRun changed = CliRun.of("diff", "--dev-url", dev(), url, "examples/shop/v2.sql", "--format", "json");
        assertThat(changed.json().get("changes")).isNotEmpty();
    }

    @Test
    void inspectSqlRebuildsTheSameSchema() throws Exception {
        CliRun sql = CliRun.of("inspect", "--dev-url", dev(), "examples/shop/v3.sql", "--format", "sql");
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        Path rebuilt = Files.createTempFile("strata-rebuilt", ".sql");
        Files.writeString(rebuilt, sql.out());
        CliRun diff = CliRun.of("diff", "--dev-url", dev(), "examples/shop/v3.sql", rebuilt.toString(), "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(sql.out()).isEmpty();
    }

    @Test
    void inspectJsonIsAModelFileThatReadsBack() throws Exception {
        CliRun json = CliRun.of("inspect", "--dev-url", dev(), "examples/shop/v3.sql");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.json().get("dialect").asText()).isEqualTo("postgres");
        Path model = Files.createTempFile("strata-model", ".json");
        Files.writeString(model, json.out());
        CliRun diff = CliRun.of("diff", "--dev-url", dev(), "examples/shop/v3.sql", model.toString(), "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(json.out()).isEmpty();
    }

    @Test
    void defaultScratchDatabaseIsAnEmbeddedPostgres() {
        CliRun run = CliRun.of("diff", "examples/shop/v1.sql", "examples/shop/v2.sql", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("changes")).isNotEmpty();
    }
}

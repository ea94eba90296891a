package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input exits 2 with one clear line on stderr that names what is wrong, and never a password. */
class BadInputTest {

    @Test
    void missingFileIsNamed() {
        CliRun run = CliRun.of("diff", "no/such/v1.sql", "examples/shop/v1.sql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no/such/v1.sql");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownDialectIsNamed() {
        CliRun run = CliRun.of("diff", "--dialect", "oracle", "examples/shop/v1.sql", "examples/shop/v2.sql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown dialect \"oracle\"").contains("postgres").contains("mysql");
    }

    @Test
    void rejectedDdlShowsFileLineAndServerMessage() throws Exception {
        Path bad = Files.createTempFile("strata-bad", ".sql");
        Files.writeString(bad, "CREATE TABLE a (id int);\n\n-- a comment\nCREATE TABLE b (id int REFERENCES missing (id));\n");
        CliRun run = CliRun.of("inspect", "--dev-url", TestDatabases.postgresServerUrl(), bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad.getFileName().toString() + ":4").contains("missing");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void unreachableUrlIsNamedWithoutItsPassword() {
        CliRun run = CliRun.of("inspect", "jdbc:postgresql://127.0.0.1:1/nodb?user=u&password=s3cret&connectTimeout=2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("127.0.0.1:1").doesNotContain("s3cret");
    }

    @Test
    void mysqlSourcesWithoutAScratchServerSaySo() {
        CliRun run = CliRun.of("diff", "--dialect", "mysql", "examples/shop-mysql/v1.sql", "examples/shop-mysql/v2.sql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--dev-url");
    }

    @Test
    void unsupportedUrlIsBadInput() {
        CliRun run = CliRun.of("inspect", "jdbc:oracle:thin:@host:1521:x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unsupported JDBC URL");
    }

    @Test
    void tooFewVersionsIsAUsageError() {
        CliRun run = CliRun.of("check", "examples/shop/v1.sql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("VERSION");
    }

    @Test
    void malformedModelFileNamesFileAndLine() throws Exception {
        // In a directory of its own: beside it, nothing but the file (the CLI reads .json siblings as possible imports).
        Path model = Files.createTempFile(Files.createTempDirectory("strata-model"), "model", ".json");
        Files.writeString(model, "{\n  \"dialect\": \"postgres\",\n  \"schemas\": [ {\"name\": \n}");
        CliRun run = CliRun.of("inspect", model.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(model.getFileName().toString());
    }
}

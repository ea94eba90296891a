package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata check} of widenings replayed on real PostgreSQL and MariaDB: compatible at BACKWARD,
 * incompatible at FORWARD and FULL because new writers break, as Avro's int to long.
 */
class WideningCheckCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1} -> {2} at {3}")
    @CsvSource({
            "postgres, integer, bigint, BACKWARD, true",
            "postgres, integer, bigint, FORWARD, false",
            "postgres, integer, bigint, FULL, false",
            "postgres, varchar(50), varchar(100), BACKWARD, true",
            "postgres, varchar(50), varchar(100), FORWARD, false",
            "postgres, varchar(10), varchar(20), FULL, false",
            "postgres, 'numeric(10,2)', 'numeric(12,2)', FULL, false",
            "postgres, bigint, integer, FORWARD, true",
            "mysql, int, bigint, BACKWARD, true",
            "mysql, int, bigint, FORWARD, false",
            "mysql, int, bigint, FULL, false",
            "mysql, varchar(50), varchar(100), BACKWARD, true",
            "mysql, varchar(50), varchar(100), FORWARD, false",
            "mysql, varchar(10), varchar(20), FULL, false",
            "mysql, 'decimal(10,2)', 'decimal(12,2)', FULL, false",
            "mysql, bigint, int, FORWARD, true"})
    void aWideningPassesBackwardAndFailsForwardAndFull(String dialect, String from, String to, String level,
                                                         boolean compatible) throws IOException {
        Path v1 = dir.resolve("v1.sql");
        Path v2 = dir.resolve("v2.sql");
        Files.writeString(v1, "CREATE TABLE orders (id int PRIMARY KEY, amount " + from + ");\n");
        Files.writeString(v2, "CREATE TABLE orders (id int PRIMARY KEY, amount " + to + ");\n");
        String url = dialect.equals("mysql") ? TestDatabases.mysqlServerUrl() : TestDatabases.postgresServerUrl();

        CliRun run = CliRun.of("check", "--dialect", dialect, "--dev-url", url, "--level", level,
                v1.toString(), v2.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(compatible ? 0 : 1);
        assertThat(run.json().get("compatible").asBoolean()).isEqualTo(compatible);
        assertThat(run.json().get("changes")).singleElement().satisfies(c -> {
            assertThat(c.get("location").asText()).endsWith("orders.amount");
            assertThat(c.get("breaks").toString()).contains(from.startsWith("big") ? "OLD_WRITER" : "NEW_WRITER");
        });
    }
}

package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata check} on MySQL DDL, replayed on a real MariaDB named by --dev-url. */
class MysqlCliTest {

    @Test
    void enumMemberRemovalAndRenameBreakOldClients() {
        CliRun run = CliRun.of("check", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(),
                "examples/shop-mysql/v1.sql", "examples/shop-mysql/v2.sql", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode changes = run.json().get("changes");
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("type").asText()).isEqualTo("RenameColumn");
            assertThat(c.get("location").asText()).endsWith("products.name");
        });
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.get("location").asText()).endsWith("products.state");
            assertThat(c.get("breaks").toString()).contains("OLD_WRITER");
        });
    }
}

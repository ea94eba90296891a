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

    /** Two files replayed on scratch databases name no database: a location is the table's and the column's. */
    @Test
    void locationsBetweenFilesNameNoScratchDatabase() {
        CliRun run = CliRun.of("check", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(),
                "examples/shop-mysql/v1.sql", "examples/shop-mysql/v2.sql", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);

        assertThat(run.json().get("changes")).extracting(c -> c.get("location").asText())
                .contains("products.name", "products.price", "products.state");
        assertThat(run.out()).doesNotContain("strata_dev");
    }

    /** A plan from a live database to a file names the target's database in its comments, never the scratch one. */
    @Test
    void planCommentsNameTheTargetDatabase() {
        String url = TestDatabases.freshMysql();
        String database = TestDatabases.databaseName(url);
        TestDatabases.exec(url, "CREATE TABLE products (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "sku varchar(32) NOT NULL, title varchar(200) NOT NULL, price decimal(10,2) NOT NULL DEFAULT 0.00, "
                + "state enum('draft','live','retired') NOT NULL DEFAULT 'draft', UNIQUE KEY products_sku (sku)) "
                + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");

        CliRun sql = CliRun.of("plan", "--dev-url", TestDatabases.mysqlServerUrl(), url, "examples/shop-mysql/v2.sql",
                "--format", "sql");
        CliRun text = CliRun.of("plan", "--dev-url", TestDatabases.mysqlServerUrl(), url, "examples/shop-mysql/v2.sql");
        assertThat(sql.exitCode()).as(sql.err()).isZero();
        assertThat(text.exitCode()).as(text.err()).isZero();

        assertThat(sql.out()).contains("-- modify column " + database + ".products.price")
                .doesNotContain("strata_dev");
        assertThat(text.out()).contains(database + ".products.price").doesNotContain("strata_dev");
    }
}

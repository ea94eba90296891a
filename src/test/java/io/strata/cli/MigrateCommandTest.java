package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata migrate} and {@code strata baseline} with a directory of versioned files on PostgreSQL. */
class MigrateCommandTest {

    @TempDir
    Path dir;

    private void copyShop() throws Exception {
        for (String f : new String[]{"V1__create_orders.sql", "V1_1__add_placed_at.sql"}) {
            Files.copy(Path.of("src/test/resources/migrations/shop", f), dir.resolve(f));
        }
        assertThat(CliRun.of("migrate", "hash", "--dir", dir.toString()).exitCode()).isZero();
    }

    @Test
    void appliesInOrderSkipsAppliedAndDetectsTampering() throws Exception {
        copyShop();
        String url = TestDatabases.freshPostgres();
        CliRun first = CliRun.of("migrate", "--dir", dir.toString(), "--url", url, "--format", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.json().get("results")).extracting(r -> r.get("version").asText()).containsExactly("1", "1.1");

        CliRun again = CliRun.of("migrate", "--dir", dir.toString(), "--url", url, "--format", "json");
        assertThat(again.json().get("results").get(0).get("outcome").asText()).isEqualTo("UP_TO_DATE");

        Files.writeString(dir.resolve("V1__create_orders.sql"), "CREATE TABLE orders (id int PRIMARY KEY);\n");
        CliRun tampered = CliRun.of("migrate", "--dir", dir.toString(), "--url", url);
        assertThat(tampered.exitCode()).isEqualTo(2);
        assertThat(tampered.err()).contains("V1__create_orders.sql").contains("edited");

        assertThat(CliRun.of("migrate", "hash", "--dir", dir.toString()).exitCode()).isZero();
        CliRun changed = CliRun.of("migrate", "--dir", dir.toString(), "--url", url);
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("V1__create_orders.sql").contains("changed after version 1 was applied");
    }

    @Test
    void baselineAdoptsADatabaseSoMigrateStartsAfterIt() throws Exception {
        copyShop();
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2) NOT NULL)");
        CliRun baseline = CliRun.of("baseline", "--url", url, "--version", "1");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        assertThat(CliRun.of("baseline", "--url", url, "--version", "1").exitCode()).isEqualTo(2);

        CliRun migrate = CliRun.of("migrate", "--dir", dir.toString(), "--url", url, "--format", "json");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.json().get("results")).extracting(r -> r.get("version").asText()).containsExactly("1.1");
        assertThat(CliRun.of("status", "--url", url).out()).contains("baseline").contains("1.1");
    }

    @Test
    void aConcurrentIndexBuildInAFileRunsOutsideTheFilesTransaction() throws Exception {
        Files.writeString(dir.resolve("V1__items.sql"), "CREATE TABLE items (id int PRIMARY KEY, label text);\n");
        Files.writeString(dir.resolve("V2__index_and_column.sql"), "ALTER TABLE items ADD COLUMN price int;\n"
                + "CREATE INDEX CONCURRENTLY items_label ON items (label);\n"
                + "ALTER TABLE items ADD COLUMN note text;\n");
        assertThat(CliRun.of("migrate", "hash", "--dir", dir.toString()).exitCode()).isZero();
        String url = TestDatabases.freshPostgres();
        CliRun migrate = CliRun.of("migrate", "--dir", dir.toString(), "--url", url, "--format", "json");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.json().get("results").get(1).get("statementsApplied").asInt()).isEqualTo(3);
        CliRun inspect = CliRun.of("inspect", url, "--format", "sql");
        assertThat(inspect.out()).contains("CREATE INDEX \"items_label\"").contains("\"note\" text");
    }
}

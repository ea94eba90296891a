package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway itself and {@code strata migrate} run the same directory on two fresh databases of one server: they run
 * the same files in the same order, and Strata's inspector sees the same schema in both (Flyway's own history
 * table aside, as Strata's is).
 */
class FlywayParityTest {

    @TempDir
    Path dir;

    private static Flyway flyway(Path dir, String url) {
        return Flyway.configure().dataSource(url, null, null).locations("filesystem:" + dir)
                .cleanDisabled(true).load();
    }

    @ParameterizedTest
    @EnumSource(MigrationCorpus.class)
    void flywayAndStrataBuildTheSameSchemaFromOneDirectory(MigrationCorpus corpus) throws Exception {
        corpus.copyTo(dir);
        String byFlyway = corpus.freshDatabase();
        String byStrata = corpus.freshDatabase();

        Flyway flyway = flyway(dir, byFlyway);
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(corpus.runOrder().size());
        List<String> flywayRan = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            flywayRan.add((info.getVersion() == null ? "R" : info.getVersion().toString()) + " " + info.getDescription());
        }
        // Flyway's history table is its bookkeeping, as strata_history is Strata's: not part of the schema compared.
        TestDatabases.exec(byFlyway, "DROP TABLE flyway_schema_history");

        JsonNode results = MigrationCorpus.migrate(dir, byStrata).json().get("results");
        List<String> strataRan = new ArrayList<>();
        JsonNode history = CliRun.of("status", "--url", byStrata, "--format", "json").json().get("history");
        history.forEach(r -> strataRan.add(r.get("version").asText() + " " + r.get("description").asText()));
        assertThat(results).hasSize(corpus.runOrder().size());
        assertThat(strataRan).isEqualTo(flywayRan);

        // Beyond what the model covers: every routine, trigger, event, policy and grant, as the server prints it.
        List<String> strataObjects = corpus.routinesTriggersPoliciesGrants(byStrata);
        assertThat(strataObjects).isEqualTo(corpus.routinesTriggersPoliciesGrants(byFlyway));
        assertThat(String.join("\n", strataObjects)).contains(corpus == MigrationCorpus.POSTGRES
                ? List.of("audit_balance", "account_total", "accounts_audit", "accounts_own_rows", "account_totals|strata_reader")
                : List.of("item_price", "reset_price", "items_price_log"));
        if (corpus == MigrationCorpus.MARIADB && !MigrationCorpus.eventsRefused()) {
            assertThat(strataObjects).anyMatch(o -> o.startsWith("purge_price_log|1|DAY|2030-01-01 03:00:00"));
        }

        CliRun diff = corpus.diff(byFlyway, byStrata);
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
        CliRun source = corpus.diff(byFlyway, dir.toString());
        assertThat(source.json().get("changes")).as(source.out() + source.err()).isEmpty();
    }

    @Test
    void bothRefuseTwoFilesOfOneVersion() throws Exception {
        Files.writeString(dir.resolve("V1__t.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(dir.resolve("V1_1__a.sql"), "ALTER TABLE t ADD COLUMN a int;\n");
        Files.writeString(dir.resolve("V1.1__b.sql"), "ALTER TABLE t ADD COLUMN b int;\n");
        String url = TestDatabases.freshPostgres();
        assertThatThrownBy(() -> flyway(dir, url).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("more than one migration with version 1.1");

        CliRun hash = CliRun.of("migrate", "hash", "--dir", dir.toString());
        assertThat(hash.exitCode()).isEqualTo(2);
        assertThat(hash.err()).contains("V1.1__b.sql").contains("V1_1__a.sql").contains("same version 1.1");
        CliRun diff = CliRun.of("diff", "--dev-url", TestDatabases.postgresServerUrl(), url, dir.toString());
        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err()).contains("V1.1__b.sql").contains("V1_1__a.sql");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 't'"))
                .as("nothing ran").containsExactly("0");
    }
}

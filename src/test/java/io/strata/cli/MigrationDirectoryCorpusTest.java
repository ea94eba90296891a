package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flyway-style directory (versions 1, 1.1, 2 and repeatable files) migrated with {@code strata migrate}, then
 * inspected and compared with the same directory used as a source: both run the files in one order, so the diff is
 * empty. Each version needs the one before it (1.1 alters the table 1 creates, 2 adds a trigger on 1.1's column),
 * and the repeatable files need the versioned ones: any other order fails.
 */
class MigrationDirectoryCorpusTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(MigrationCorpus.class)
    void aMigratedDirectoryInspectsAsTheDirectoryUsedAsASource(MigrationCorpus corpus) throws Exception {
        corpus.copyTo(dir);
        String url = corpus.freshDatabase();
        JsonNode results = MigrationCorpus.migrate(dir, url).json().get("results");
        assertThat(results).extracting(r -> r.get("version").asText()).containsExactlyElementsOf(corpus.runOrder());
        assertThat(results.get(results.size() - 1).get("message").asText()).startsWith("applied repeatable \"");

        CliRun diff = corpus.diff(url, dir.toString());
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
        CliRun reverse = corpus.diff(dir.toString(), url);
        assertThat(reverse.json().get("changes")).as(reverse.out() + reverse.err()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MigrationCorpus.class)
    void theTriggerOfVersion2WorksOnTheColumnOfVersion11(MigrationCorpus corpus) throws Exception {
        corpus.copyTo(dir);
        String url = corpus.freshDatabase();
        MigrationCorpus.migrate(dir, url);
        if (corpus == MigrationCorpus.POSTGRES) {
            TestDatabases.exec(url, "INSERT INTO accounts (owner, balance) VALUES ('ann', 10)",
                    "UPDATE accounts SET balance = 25");
            assertThat(TestDatabases.rows(url, "SELECT old_balance, new_balance FROM account_audit"))
                    .containsExactly("10.00|25.00");
            assertThat(TestDatabases.rows(url, "SELECT account_total('ann')")).containsExactly("25.00");
        } else {
            TestDatabases.exec(url, "INSERT INTO items (name, price) VALUES ('pen', 2)", "UPDATE items SET price = 3");
            assertThat(TestDatabases.rows(url, "SELECT old_price, new_price FROM price_log")).containsExactly("2.00|3.00");
            assertThat(TestDatabases.rows(url, "SELECT name, price FROM priced_items")).containsExactly("pen|3.00");
        }
    }

    @Test
    void aChangedRepeatableFileRunsAgainAndAnUnchangedOneDoesNot() throws Exception {
        MigrationCorpus corpus = MigrationCorpus.POSTGRES;
        corpus.copyTo(dir);
        String url = corpus.freshDatabase();
        JsonNode planned = CliRun.of("migrate", "--dry-run", "--dir", dir.toString(), "--url", url, "--format", "json")
                .json().get("results");
        assertThat(planned).extracting(r -> r.get("message").asText()).containsExactly(
                "would apply version 1 from V1__accounts.sql (2 statements)",
                "would apply version 1.1 from V1.1__audit.sql (3 statements)",
                "would apply version 2 from V2__trigger_policy_grant.sql (5 statements)",
                "would apply repeatable \"account totals\" from R__account_totals.sql (2 statements)",
                "would apply repeatable \"reader grants\" from R__reader_grants.sql (1 statement)");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .as("a dry run creates nothing, not even strata_history").containsExactly("0");
        MigrationCorpus.migrate(dir, url);
        JsonNode untouched = MigrationCorpus.migrate(dir, url).json().get("results");
        assertThat(untouched).extracting(r -> r.get("outcome").asText()).containsExactly("UP_TO_DATE");

        // The view gains a column; the function stays (a repeatable file that stops creating an object does not
        // drop it, in Flyway as here, so the directory would no longer describe the database).
        Files.writeString(dir.resolve("R__account_totals.sql"), Files.readString(dir.resolve("R__account_totals.sql"))
                .replace("sum(balance) AS total FROM", "sum(balance) AS total, count(*) AS accounts FROM"));
        CliRun unhashed = CliRun.of("migrate", "--dir", dir.toString(), "--url", url);
        assertThat(unhashed.exitCode()).isEqualTo(2);
        assertThat(unhashed.err()).contains("R__account_totals.sql");
        assertThat(CliRun.of("migrate", "hash", "--dir", dir.toString()).exitCode()).isZero();
        CliRun dryRun = CliRun.of("migrate", "--dry-run", "--dir", dir.toString(), "--url", url);
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).isEqualTo("would apply repeatable \"account totals\" from R__account_totals.sql (2 statements)\n");

        JsonNode rerun = MigrationCorpus.migrate(dir, url).json().get("results");
        assertThat(rerun).hasSize(1);
        assertThat(rerun.get(0).get("message").asText()).isEqualTo("applied repeatable \"account totals\" (2 statements)");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM information_schema.columns "
                + "WHERE table_name = 'account_totals' AND column_name = 'accounts'")).containsExactly("1");

        JsonNode history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        List<String> repeatableRuns = new ArrayList<>();
        history.forEach(r -> {
            if (r.get("kind").asText().equals("repeatable")) {
                repeatableRuns.add(r.get("description").asText());
            }
        });
        assertThat(repeatableRuns).containsExactly("account totals", "reader grants", "account totals");
        String status = CliRun.of("status", "--url", url).out();
        assertThat(status).contains("repeatable").contains("account totals");
        // Columns line up: every row's description starts where the header's does.
        List<String> lines = status.lines().toList();
        int descriptionColumn = lines.get(0).indexOf("description");
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.charAt(descriptionColumn - 1)).isEqualTo(' '))
                .anySatisfy(line -> assertThat(line.substring(descriptionColumn)).isEqualTo("account totals"));

        CliRun diff = corpus.diff(url, dir.toString());
        assertThat(diff.json().get("changes")).as(diff.out() + diff.err()).isEmpty();
    }

    @Test
    void aRepeatableFileThatStoppedPartWayOnMariaDbResumesWhereItStopped() throws Exception {
        Files.writeString(dir.resolve("V1__numbers.sql"), "CREATE TABLE numbers (n int PRIMARY KEY);\n");
        Files.writeString(dir.resolve("R__views.sql"), "CREATE OR REPLACE VIEW small AS SELECT n FROM numbers WHERE n < 10;\n"
                + "CREATE OR REPLACE VIEW named AS SELECT n, label FROM labels;\n");
        assertThat(CliRun.of("migrate", "hash", "--dir", dir.toString()).exitCode()).isZero();
        String url = TestDatabases.freshMysql();
        CliRun failed = CliRun.of("migrate", "--dir", dir.toString(), "--url", url);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("repeatable \"views\", statement 2 of 2 failed").contains("labels");

        TestDatabases.exec(url, "CREATE TABLE labels (n int PRIMARY KEY, label varchar(20))");
        JsonNode resumed = MigrationCorpus.migrate(dir, url).json().get("results");
        assertThat(resumed).hasSize(1);
        assertThat(resumed.get(0).get("statementsApplied").asInt()).isEqualTo(2);
        JsonNode history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        assertThat(history).extracting(r -> r.get("kind").asText() + " " + r.get("state").asText())
                .containsExactly("migrate success", "repeatable success");

        CliRun rollback = CliRun.of("rollback", "--url", url, "--auto-approve");
        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.out() + rollback.err()).contains("repeatable \"views\" cannot be rolled back");
    }

    @Test
    void aSourceDirectoryRunsVersion11AfterVersion1AndRepeatablesLast() throws Exception {
        Files.writeString(dir.resolve("R__a_view.sql"), "CREATE VIEW first_names AS SELECT first_name FROM people;\n");
        Files.writeString(dir.resolve("V1.1__split_name.sql"), "ALTER TABLE people RENAME COLUMN name TO first_name;\n");
        Files.writeString(dir.resolve("V1__people.sql"), "CREATE TABLE people (id int PRIMARY KEY, name text);\n");
        Files.writeString(dir.resolve("V2__drop_old.sql"), "DROP TABLE IF EXISTS old_people;\n"
                + "ALTER TABLE people ADD COLUMN name text;\n");
        CliRun inspect = CliRun.of("inspect", "--dev-url", TestDatabases.postgresServerUrl(), dir.toString(), "--format", "sql");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        // Run in any other order, 1.1 would find no table, or 2 would find "name" already there.
        assertThat(inspect.out()).contains("\"first_name\" text").contains("\"name\" text").contains("first_names");
    }
}

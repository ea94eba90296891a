package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata apply --dry-run}: the whole plan runs and the target's schema, rows and history stay as they were. */
class DryRunTest {

    @TempDir
    Path dir;

    @Test
    void postgresTransactionalPlanRunsInATransactionThatIsRolledBack() throws Exception {
        String url = TestDatabases.freshPostgres();
        String v1 = "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL, price numeric(10,4));\n";
        String v2 = "CREATE TABLE items (id int PRIMARY KEY, price numeric(12,4));\n";
        CliRun run = dryRun(url, TestDatabases.postgresServerUrl(), v1, v2);
        assertThat(run.out()).contains("rolled back");
        // The backups of the destroyed data ran too, and went with the transaction.
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("backups")).isEmpty();
    }

    @Test
    void aRewriteIsSizedBeforeItRuns() throws Exception {
        String url = TestDatabases.freshPostgres();
        // No primary key to backfill by: the type changes in place, rewriting the table.
        String v1 = "CREATE TABLE items (id int, label text NOT NULL, price numeric(10,4));\n";
        String v2 = "CREATE TABLE items (id bigint, label text NOT NULL, price numeric(10,4));\n";
        TestDatabases.exec(url, v1, "INSERT INTO items SELECT g, 'label ' || g, g FROM generate_series(1, 20000) g",
                "ANALYZE items");
        Path to = Files.writeString(dir.resolve("v2.sql"), v2);
        CliRun run = CliRun.of("apply", "--dev-url", TestDatabases.postgresServerUrl(), to.toString(), "--url", url,
                "--dry-run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("pre-flight:\\n  change type of .*: rewrites public\\.items \\(\\d+\\.\\d MB, "
                + "~20,000 rows\\) under ACCESS EXCLUSIVE, about \\d+ ms; writers of the table wait that long");
    }

    @Test
    void postgresConcurrentIndexRunsOnAScratchCopy() throws Exception {
        String url = TestDatabases.freshPostgres();
        String v1 = "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL, price numeric(10,4));\n";
        String v2 = v1 + "CREATE INDEX items_label ON items (label);\n";
        CliRun run = dryRun(url, TestDatabases.postgresServerUrl(), v1, v2);
        assertThat(run.out()).contains("scratch copy of the schema, which holds no rows")
                .contains("data checks on the target: none needed, no step depends on its rows");
    }

    @Test
    void theDataChecksRunOnTheTargetsRowsAndAFailingOneFailsTheDryRun() throws Exception {
        String url = TestDatabases.freshPostgres();
        String v1 = "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL, price numeric(10,4));\n";
        TestDatabases.exec(url, v1, "INSERT INTO items SELECT g, 'label ' || (g % 98), g FROM generate_series(1, 100) g");
        Map<String, String> before = RollbackCommandTest.checksums(url, "items");
        Path to = Files.writeString(dir.resolve("v2.sql"), v1 + "CREATE UNIQUE INDEX items_label ON items (label);\n");

        CliRun run = CliRun.of("apply", "--dev-url", TestDatabases.postgresServerUrl(), to.toString(), "--url", url,
                "--version", "2", "--dry-run");

        // The copy without rows takes the index; the target's rows would not: the dry run says both and fails.
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("ran on a scratch copy of the schema, which holds no rows")
                .contains("data checks on the target: 1 step(s) would fail on its rows; applying would be refused:")
                .contains("would fail [UNIQUE]: 4 rows of \"items\" have a value of \"label\" that another row has "
                        + "(label label 1, label 2)");
        assertThat(RollbackCommandTest.checksums(url, "items")).isEqualTo(before);
        assertThat(CliRun.of("status", "--url", url).out()).contains("no migrations recorded");

        // Once the rows fit, the same dry run passes and says its checks passed on the target.
        TestDatabases.exec(url, "UPDATE items SET label = 'label ' || id");
        CliRun clean = CliRun.of("apply", "--dev-url", TestDatabases.postgresServerUrl(), to.toString(), "--url", url,
                "--version", "2", "--dry-run");
        assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("which holds no rows").contains("data checks on the target: passed (1 check on its rows)");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM pg_indexes WHERE indexname = 'items_label'")).containsExactly("0");
    }

    @Test
    void mariadbDataChecksRunOnTheTargetDuringADryRun() throws Exception {
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, "CREATE TABLE items (id int PRIMARY KEY, label varchar(50))",
                "INSERT INTO items VALUES (1, 'a'), (2, NULL), (3, 'c')");
        Path to = Files.writeString(dir.resolve("v2.sql"), "CREATE TABLE items (id int PRIMARY KEY, label varchar(50) NOT NULL);\n");

        CliRun run = CliRun.of("apply", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(), to.toString(),
                "--url", url, "--version", "2", "--dry-run");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("which holds no rows")
                .contains("would fail [NOT NULL]: 1 row of `items` has `label` NULL (id 2)");
        assertThat(TestDatabases.rows(url, "SELECT count(*) FROM items WHERE label IS NULL")).containsExactly("1");

        CliRun skipped = CliRun.of("apply", "--dialect", "mysql", "--dev-url", TestDatabases.mysqlServerUrl(),
                to.toString(), "--url", url, "--version", "2", "--dry-run", "--skip-data-checks");
        assertThat(skipped.exitCode()).as(skipped.out() + skipped.err()).isZero();
        assertThat(skipped.out()).contains("data checks on the target: skipped (--skip-data-checks)");
    }

    @Test
    void mariadbRunsOnAScratchCopy() throws Exception {
        String url = TestDatabases.freshMysql();
        String v1 = "CREATE TABLE items (id int PRIMARY KEY, label varchar(50) NOT NULL, price decimal(10,4));\n";
        String v2 = "CREATE TABLE items (id int PRIMARY KEY, price decimal(10,2));\n"
                + "CREATE TABLE extra (id int PRIMARY KEY);\n";
        CliRun run = dryRun(url, TestDatabases.mysqlServerUrl(), v1, v2);
        assertThat(run.out()).contains("scratch copy");
    }

    /** Dry-runs v1 to v2 on a database at v1 with rows and checks nothing changed. */
    private CliRun dryRun(String url, String dev, String v1, String v2) throws Exception {
        TestDatabases.exec(url, RollbackCommandTest.statements(v1));
        TestDatabases.exec(url, "INSERT INTO items (id, label, price) VALUES (1, 'a', 1.2345), (2, 'b', NULL)");
        Path from = Files.writeString(dir.resolve("v1.sql"), v1);
        Path to = Files.writeString(dir.resolve("v2.sql"), v2);
        Map<String, String> before = RollbackCommandTest.checksums(url, "items");

        CliRun run = CliRun.of("apply", "--dev-url", dev, to.toString(), "--url", url, "--version", "2", "--dry-run");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        CliRun diff = CliRun.of("diff", "--dev-url", dev, url, from.toString(), "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.json().get("changes")).as(diff.out()).isEmpty();
        assertThat(RollbackCommandTest.checksums(url, "items")).isEqualTo(before);
        assertThat(CliRun.of("status", "--url", url).out()).contains("no migrations recorded");
        return run;
    }
}

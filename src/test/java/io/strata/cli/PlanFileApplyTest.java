package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan saved with {@code strata plan --format json} and applied later runs exactly the reviewed
 * statements: refused when the file was edited or the target is not at the plan's base.
 */
class PlanFileApplyTest {

    private static final String V1 = "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL);\n";
    private static final String V2 = "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL, price numeric(10,2));\n"
            + "CREATE INDEX items_label ON items (label);\n";

    @TempDir
    Path dir;

    private Path savedPlan() throws Exception {
        return savedPlan(TestDatabases.postgresServerUrl(), V2);
    }

    private Path savedPlan(String devUrl, String v2Sql) throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.sql"), V1);
        Path v2 = Files.writeString(dir.resolve("v2.sql"), v2Sql);
        CliRun plan = CliRun.of("plan", "--dev-url", devUrl, v1.toString(), v2.toString(), "--format", "json");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        return Files.writeString(dir.resolve("plan.json"), plan.out());
    }

    @Test
    void theSavedPlanRunsAsReviewed() throws Exception {
        Path plan = savedPlan();
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, V1);
        CliRun apply = CliRun.of("apply", plan.toString(), "--url", url, "--version", "2");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        CliRun diff = CliRun.of("diff", "--dev-url", TestDatabases.postgresServerUrl(), url,
                dir.resolve("v2.sql").toString(), "--format", "json");
        assertThat(diff.json().get("changes")).isEmpty();
        assertThat(CliRun.of("apply", plan.toString(), "--url", url).out()).contains("already at");
    }

    @Test
    void anEditedPlanIsRefusedAndNothingRuns() throws Exception {
        Path plan = savedPlan();
        Files.writeString(plan, Files.readString(plan).replace("CREATE INDEX CONCURRENTLY", "CREATE INDEX"));
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, V1);
        CliRun apply = CliRun.of("apply", plan.toString(), "--url", url);
        assertThat(apply.exitCode()).isEqualTo(2);
        assertThat(apply.err()).contains("does not match the plan Strata makes").contains("nothing was run");
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("history")).isEmpty();
    }

    @Test
    void aTargetAwayFromThePlansBaseIsListedAndLeftAlone() throws Exception {
        Path plan = savedPlan();
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, V1, "ALTER TABLE items ADD COLUMN extra int");
        CliRun apply = CliRun.of("apply", plan.toString(), "--url", url);
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).contains("the base of plan file").contains("extra");
    }

    @Test
    void aMariadbPlanMadeOnAScratchDatabaseAppliesToTheTarget() throws Exception {
        // The plan's base lives in a scratch database with another name; the statements name no database.
        Path plan = savedPlan(TestDatabases.mysqlServerUrl(),
                "CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL, price decimal(10,2));\n");
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, V1);
        CliRun apply = CliRun.of("apply", plan.toString(), "--url", url);
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("(1 statement)");
    }
}

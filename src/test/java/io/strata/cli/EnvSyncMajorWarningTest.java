package io.strata.cli;

import io.strata.dialect.postgres.Postgres15;
import io.strata.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata env sync} shows the warning of a version compared as another major prints it: the server's configured
 * scratch server is a PostgreSQL 15 (the test service or an embedded 15) and the environment an 18, so the view reads as changed only because 18 prints it
 * without the table's name, and the user must be told so beside the changes.
 */
class EnvSyncMajorWarningTest {

    @TempDir
    Path dir;

    @Test
    void aDriftReportOfAVersionReplayedOnAnotherMajorPrintsItsWarning() throws Exception {
        // The scratch server is a 15 and the environment the bundled 18.
        String scratch = Postgres15.urlOrSkip();
        try (InProcessServer running = new InProcessServer(dir, Map.of("postgres", scratch));
             EmbeddedPostgres environment = EmbeddedPostgres.builder().start()) {
            String env = environment.getJdbcUrl("postgres", "postgres");
            String url = running.url();
            String scratchMajor = TestDatabases.majorOf(scratch);
            String envMajor = TestDatabases.majorOf(env);
            assertThat(envMajor).as("the environment's major differs from the scratch server's").isNotEqualTo(scratchMajor);
            Path schema = dir.resolve("reports.sql");
            Files.writeString(schema, "CREATE TABLE reports (id int PRIMARY KEY, done boolean NOT NULL);\n"
                    + "CREATE VIEW open_reports AS SELECT id FROM reports WHERE NOT done;\n");
            assertThat(CliRun.of("register", "desk.reports", schema.toString(), "--server", url).exitCode()).isZero();
            assertThat(CliRun.of("env", "add", "desk", "--tier", "dev", "--url", env, "--server", url).exitCode()).isZero();
            CliRun create = CliRun.of("rollout", "create", "desk.reports", "--server", url);
            Matcher id = Pattern.compile("rollout (\\d+):").matcher(create.out());
            assertThat(id.find()).as(create.out() + create.err()).isTrue();
            assertThat(CliRun.of("rollout", "execute", id.group(1), "--wait", "--server", url).out()).contains("SUCCEEDED");

            CliRun sync = CliRun.of("env", "sync", "desk", "--server", url);
            assertThat(sync.out()).as(sync.out() + sync.err()).contains("change(s) from desk.reports@1", "open_reports",
                    "  warning: desk.reports@1 was replayed on server version " + scratchMajor + ".",
                    "not " + envMajor + " like the environment", "configure one of version " + envMajor);
        }
    }
}

package io.strata.cli;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five {@code strata apply} runs at once on one database: the advisory lock lets exactly one apply;
 * the others wait for it and then find nothing to do, and the schema ends right with one history row.
 */
class ConcurrentApplyTest {

    @Test
    void exactlyOneOfFiveConcurrentAppliesRuns() throws Exception {
        String dev = TestDatabases.postgresServerUrl();
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, Files.readString(Path.of("examples/shop/v1.sql")));

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<CliRun>> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(pool.submit(() -> CliRun.of("apply", "--dev-url", dev, "examples/shop/v2.sql", "--url", url,
                    "--version", "2", "--wait", "60s", "--format", "json")));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<CliRun> f : runs) {
            CliRun run = f.get();
            assertThat(run.exitCode()).as(run.err()).isZero();
            outcomes.add(run.json().get("results").get(0).get("outcome").asText());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("APPLIED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("UP_TO_DATE"::equals).hasSize(4);
        assertThat(CliRun.of("status", "--url", url, "--format", "json").json().get("history")).hasSize(1);
        CliRun diff = CliRun.of("diff", "--dev-url", dev, url, "examples/shop/v2.sql", "--format", "json");
        assertThat(diff.json().get("changes")).isEmpty();
    }
}

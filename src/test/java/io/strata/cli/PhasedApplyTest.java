package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phased plan applied phase by phase: EXPAND keeps what old clients use (the column v3 drops is still
 * there), MIGRATE backfills the renamed and retyped columns, CONTRACT removes the old shape; each phase is
 * its own history row, and a phase cannot run before the one it needs.
 */
class PhasedApplyTest {

    @Test
    void expandThenContractEachRecordedOnItsOwn() throws Exception {
        String dev = TestDatabases.postgresServerUrl();
        String url = TestDatabases.freshPostgres();
        TestDatabases.exec(url, Files.readString(Path.of("examples/shop/v2.sql")));

        CliRun expand = CliRun.of("apply", "--dev-url", dev, "examples/shop/v3.sql", "--url", url,
                "--version", "3", "--phase", "expand", "--format", "json");
        assertThat(expand.exitCode()).as(expand.err()).isZero();
        assertThat(expand.json().get("results").get(0).get("outcome").asText()).isEqualTo("APPLIED");

        List<String> remaining = changes(dev, url);
        assertThat(remaining).as("EXPAND adds, it does not drop").contains("DropColumn public.orders.note")
                .doesNotContain("AddColumn public.orders.currency");

        CliRun again = CliRun.of("apply", "--dev-url", dev, "examples/shop/v3.sql", "--url", url,
                "--version", "3", "--phase", "EXPAND", "--format", "json");
        assertThat(again.json().get("results").get(0).get("outcome").asText()).isEqualTo("UP_TO_DATE");

        CliRun contractTooEarly = CliRun.of("apply", "--dev-url", dev, "examples/shop/v3.sql", "--url", url,
                "--version", "3.2", "--phase", "contract");
        assertThat(contractTooEarly.exitCode()).isEqualTo(2);
        assertThat(contractTooEarly.err()).contains("apply --phase MIGRATE first");

        CliRun migrate = CliRun.of("apply", "--dev-url", dev, "examples/shop/v3.sql", "--url", url,
                "--version", "3.1", "--phase", "migrate", "--format", "json");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(changes(dev, url)).as("the renamed and retyped columns are still there in both shapes")
                .contains("DropColumn public.customers.name", "DropColumn public.orders.note");

        CliRun contract = CliRun.of("apply", "--dev-url", dev, "examples/shop/v3.sql", "--url", url,
                "--version", "3.2", "--phase", "contract", "--format", "json");
        assertThat(contract.exitCode()).as(contract.err()).isZero();
        assertThat(changes(dev, url)).isEmpty();

        JsonNode history = CliRun.of("status", "--url", url, "--format", "json").json().get("history");
        assertThat(history).extracting(h -> h.get("phase").asText()).containsExactly("EXPAND", "MIGRATE", "CONTRACT");
        assertThat(history.get(0).get("description").asText()).contains("EXPAND");
        assertThat(history.get(2).get("description").asText()).contains("CONTRACT");
    }

    private static List<String> changes(String dev, String url) {
        CliRun diff = CliRun.of("diff", "--dev-url", dev, url, "examples/shop/v3.sql", "--format", "json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        List<String> out = new ArrayList<>();
        diff.json().get("changes").forEach(c -> out.add(c.get("type").asText() + " " + c.get("location").asText()));
        return out;
    }
}

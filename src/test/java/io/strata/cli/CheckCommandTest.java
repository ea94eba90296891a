package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end checks of {@code strata check} on the shipped examples, replayed on a real PostgreSQL. */
class CheckCommandTest {

    private static final String V1 = "examples/shop/v1.sql";
    private static final String V2 = "examples/shop/v2.sql";
    private static final String V3 = "examples/shop/v3.sql";

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--dev-url", TestDatabases.postgresServerUrl()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static JsonNode findChange(JsonNode result, String type, String location) {
        for (JsonNode c : result.get("changes")) {
            if (c.get("type").asText().equals(type) && c.get("location").asText().equals(location)) {
                return c;
            }
        }
        throw new AssertionError("no " + type + " at " + location + " in " + result.toPrettyString());
    }

    private static List<String> roles(JsonNode change) {
        List<String> out = new ArrayList<>();
        change.get("breaks").forEach(r -> out.add(r.asText()));
        return out;
    }

    @Test
    void expandStepIsBackwardCompatibleButNotForward() {
        CliRun backward = check(V1, V2, "--format", "json");
        assertThat(backward.exitCode()).as(backward.err()).isZero();
        JsonNode json = backward.json();
        assertThat(json.get("level").asText()).isEqualTo("BACKWARD");
        assertThat(json.get("compatible").asBoolean()).isTrue();
        JsonNode phone = findChange(json, "AddColumn", "public.customers.phone");
        assertThat(roles(phone)).doesNotContain("OLD_READER", "OLD_WRITER").contains("NEW_READER");
        assertThat(phone.get("code").asText()).isNotBlank();
        assertThat(phone.get("dataDependent").isBoolean()).isTrue();
        assertThat(phone.get("message").asText()).contains("phone");

        CliRun forward = check(V1, V2, "--level", "FORWARD", "--format", "json");
        assertThat(forward.exitCode()).isEqualTo(1);
        assertThat(forward.json().get("compatible").asBoolean()).isFalse();
    }

    @Test
    void contractStepBreaksOldClientsAndSaysWhere() {
        CliRun run = check(V2, V3, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("compatible").asBoolean()).isFalse();
        JsonNode rename = findChange(json, "RenameColumn", "public.customers.full_name");
        assertThat(roles(rename)).contains("OLD_READER", "OLD_WRITER");
        JsonNode currency = findChange(json, "AddColumn", "public.orders.currency");
        assertThat(roles(currency)).contains("OLD_WRITER");
        JsonNode dropped = findChange(json, "DropColumn", "public.orders.note");
        assertThat(roles(dropped)).contains("OLD_READER");
        findChange(json, "DropView", "public.customer_totals");
        findChange(json, "ModifyEnum", "public.order_status");
    }

    @Test
    void textOutputGroupsByTableWithOneLinePerChange() {
        CliRun run = check(V2, V3);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("public.customers\n").contains("public.orders\n")
                .contains("public.customers.full_name").contains("BACKWARD: incompatible")
                .doesNotContain("\u001b[");
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersion() {
        CliRun latestOnly = check(V1, V2, V2, "--format", "json");
        assertThat(latestOnly.exitCode()).isZero();
        assertThat(latestOnly.json().get("comparisons")).hasSize(1);

        CliRun transitive = check(V1, V2, V2, "--level", "BACKWARD_TRANSITIVE", "--format", "json");
        assertThat(transitive.exitCode()).isZero();
        assertThat(transitive.json().get("comparisons")).hasSize(2);

        // v3 breaks v2 clients and v1 clients alike: both comparisons fail.
        CliRun broken = check(V1, V2, V3, "--level", "FULL_TRANSITIVE", "--format", "json");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.json().get("comparisons")).allSatisfy(c -> assertThat(c.get("compatible").asBoolean()).isFalse());
    }

    @Test
    void unknownLevelIsBadInput() {
        CliRun run = check(V1, V2, "--level", "SIDEWAYS");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("SIDEWAYS");
    }
}

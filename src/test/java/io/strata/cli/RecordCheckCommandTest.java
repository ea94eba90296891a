package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata check} and {@code strata inspect} on record schema files (examples/events): the same
 * exit codes and JSON shape as the relational check, with each format's codes and locations.
 */
class RecordCheckCommandTest {

    private static final String EVENTS = "examples/events/";

    @TempDir
    Path dir;

    private static List<String> changes(CliRun run) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : run.json().get("changes")) {
            out.add(c.get("code").asText() + " " + c.get("location").asText() + " " + c.get("breaks"));
        }
        return out;
    }

    @Test
    void anAvroFieldWithADefaultIsBackwardCompatible() {
        CliRun run = CliRun.of("check", EVENTS + "order-v1.avsc", EVENTS + "order-v2.avsc", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("compatible").asBoolean()).isTrue();
    }

    @Test
    void anAvroBreakNamesTheTypeTheLocationAndTheRoleItBreaks() {
        CliRun run = CliRun.of("check", EVENTS + "order-v2.avsc", EVENTS + "order-v3.avsc", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(changes(run)).contains("TYPE_MISMATCH /fields/1/type [\"OLD_WRITER\"]",
                "READER_FIELD_MISSING_DEFAULT_VALUE /fields/5 [\"OLD_WRITER\"]");
        assertThat(run.json().get("changes").get(0).get("type").asText()).isEqualTo("RecordIncompatibility");

        CliRun forward = CliRun.of("check", EVENTS + "order-v2.avsc", EVENTS + "order-v3.avsc", "--level", "FORWARD",
                "--format", "json");
        assertThat(forward.exitCode()).isEqualTo(1);
        assertThat(changes(forward)).allMatch(c -> c.endsWith("[\"NEW_WRITER\"]")).anyMatch(c -> c.startsWith("TYPE_MISMATCH"));

        CliRun text = CliRun.of("check", EVENTS + "order-v2.avsc", EVENTS + "order-v3.avsc");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("TYPE_MISMATCH").contains("/fields/1/type");
    }

    @Test
    void transitiveLevelsCompareWithEveryEarlierVersion() {
        CliRun run = CliRun.of("check", EVENTS + "order-v1.avsc", EVENTS + "order-v2.avsc", EVENTS + "order-v3.avsc",
                "--level", "BACKWARD_TRANSITIVE", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().get("comparisons")).hasSize(2);
        assertThat(run.json().get("comparisons").get(0).get("from").asText()).endsWith("order-v2.avsc");
    }

    @Test
    void jsonSchemaAndProtobufBreaksAreReportedWithLocations() {
        CliRun json = CliRun.of("check", EVENTS + "order-v1.schema.json", EVENTS + "order-v2.schema.json", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isEqualTo(1);
        assertThat(changes(json)).isNotEmpty().allMatch(c -> c.split(" ")[1].startsWith("/"));

        CliRun proto = CliRun.of("check", EVENTS + "proto-v1/order.proto", EVENTS + "proto-v2/order.proto", "--format", "json");
        assertThat(proto.exitCode()).as(proto.err()).isEqualTo(1);
        assertThat(changes(proto)).contains("FIELD_REMOVED shop.events.v1.Order.note [\"OLD_WRITER\"]")
                .anyMatch(c -> c.startsWith("FIELD_TYPE_CHANGED shop.events.v1.Order.customer_id"))
                .anyMatch(c -> c.startsWith("RPC_REMOVED shop.events.v1.Orders.Get"));
    }

    @Test
    void anInvalidSchemaIsBadInputNamingTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.avsc"), "{\"type\": \"record\", \"name\": \"X\", \"fields\": [{\"name\": \"a\"}]}");
        CliRun run = CliRun.of("check", broken.toString(), EVENTS + "order-v1.avsc");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.avsc");
        CliRun mixed = CliRun.of("check", EVENTS + "order-v1.avsc", EVENTS + "order-v1.schema.json");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("same format");
    }

    @Test
    void inspectPrintsTheCanonicalFormAndAFingerprintThatIgnoresFormatting() throws Exception {
        CliRun one = CliRun.of("inspect", EVENTS + "order-v1.avsc");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.json().get("format").asText()).isEqualTo("AVRO");
        assertThat(one.json().get("fingerprint").asText()).matches("[0-9a-f]{64}");
        Path reformatted = Files.writeString(dir.resolve("same.avsc"),
                Files.readString(Path.of(EVENTS + "order-v1.avsc")).replace("\n", " ").replace("  ", " "));
        assertThat(CliRun.of("inspect", reformatted.toString()).json().get("fingerprint"))
                .isEqualTo(one.json().get("fingerprint"));
        assertThat(CliRun.of("inspect", EVENTS + "order-v2.avsc").json().get("fingerprint"))
                .isNotEqualTo(one.json().get("fingerprint"));
    }
}

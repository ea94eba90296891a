package io.strata.compat.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordCompatibility.Version;
import io.strata.compat.record.RecordIncompatibility;
import io.strata.error.StrataException;
import io.strata.testing.SharedCorpora;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance with Apache Avro's own compatibility tests (apache/avro, Apache-2.0, Copyright The Apache
 * Software Foundation; the 132 cases of {@code TestSchemaCompatibility*.java} as
 * {@code ../shared/conformance/record/avro/avro-schema-compatibility-cases.json}) and with Apicurio Registry's
 * Avro cases (Apicurio/apicurio-registry, Apache-2.0, {@code schema-util/avro} test data). Every case must
 * agree: the compatibility, and for an incompatible pair every incompatibility's type and JSON-pointer
 * location, in Avro's order.
 */
class AvroConformanceTest {

    /** Inside ../shared; see {@link SharedCorpora}. */
    private static final Path AVRO_CASES = Path.of("conformance", "record", "avro",
            "avro-schema-compatibility-cases.json");
    private static final Path APICURIO_CASES = Path.of("conformance", "record",
            "apicurio-registry", "avro", "compatibility-test-data.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AvroSupport avro = new AvroSupport();

    /** The tally of one corpus: agreed count, and a line per case that differed or was skipped. */
    private static final class Tally {
        int agreed;
        final List<String> differed = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        void print(String corpus) {
            System.out.printf("%s conformance: %d agreed, %d differed, %d skipped%n", corpus, agreed,
                    differed.size(), skipped.size());
            differed.forEach(d -> System.out.println("  differed " + d));
            skipped.forEach(s -> System.out.println("  skipped  " + s));
        }
    }

    @Test
    void everyAvroCaseAgreesOnCompatibilityTypeAndLocation() throws IOException {
        JsonNode corpus = load(AVRO_CASES);
        JsonNode cases = corpus.path("cases");
        assertThat(cases.size()).as("cases in %s (its \"count\" says %s)", AVRO_CASES, corpus.path("count"))
                .isEqualTo(corpus.path("count").asInt()).isEqualTo(132);
        Tally tally = new Tally();
        for (JsonNode c : cases) {
            String id = c.path("id").asText();
            String outcome = avroCase(c);
            if (outcome == null) {
                tally.agreed++;
            } else {
                tally.differed.add(id + ": " + outcome);
            }
        }
        tally.print("avro");
        assertThat(tally.differed).as("Avro cases that differed").isEmpty();
        assertThat(tally.skipped).as("Avro cases skipped").isEmpty();
        assertThat(tally.agreed).isEqualTo(132);
    }

    /** Null when our answer is Avro's expected one, else what differed. */
    private String avroCase(JsonNode c) {
        Schema reader;
        Schema writer;
        try {
            reader = avro.parse("reader", schemaText(c.path("reader")), Map.of());
            writer = avro.parse("writer", schemaText(c.path("writer")), Map.of());
        } catch (StrataException e) {
            return "does not parse: " + e.getMessage();
        }
        List<RecordIncompatibility> found = avro.incompatibilities(reader, writer);
        String expected = c.path("expected_compatibility").asText();
        String actual = found.isEmpty() ? "COMPATIBLE" : "INCOMPATIBLE";
        if (!expected.equals(actual)) {
            return "expected " + expected + ", got " + actual + " "
                    + found.stream().map(i -> i.code() + " at " + i.location()).toList();
        }
        if (found.isEmpty()) {
            return null;
        }
        String type = c.path("expected_incompatibility_type").asText();
        List<String> locations = strings(c.path("expected_location"));
        List<String> details = strings(c.path("expected_details"));
        List<String> foundTypes = found.stream().map(RecordIncompatibility::code).distinct().toList();
        List<String> foundLocations = found.stream().map(RecordIncompatibility::location).toList();
        if (!foundTypes.equals(List.of(type)) || !foundLocations.equals(locations)) {
            return "expected " + type + " at " + locations + ", got " + foundTypes + " at " + foundLocations;
        }
        for (int i = 0; i < details.size(); i++) {
            // Our sentence keeps Avro's own words, so they must still be in it.
            if (!found.get(i).message().contains(details.get(i))) {
                return "message \"" + found.get(i).message() + "\" lost Avro's \"" + details.get(i) + "\"";
            }
        }
        return null;
    }

    @Test
    void everyApicurioAvroCaseAgreesAtEachLevel() throws IOException {
        JsonNode tests = load(APICURIO_CASES).path("tests");
        assertThat(tests.size()).as("cases in %s", APICURIO_CASES).isEqualTo(4);
        Tally tally = new Tally();
        for (JsonNode t : tests) {
            String id = t.path("id").asText();
            if (!t.path("enabled").asBoolean(true)) {
                tally.skipped.add(id + ": disabled in Apicurio's own data");
                continue;
            }
            String outcome = apicurioCase(t);
            if (outcome == null) {
                tally.agreed++;
            } else {
                tally.differed.add(id + ": " + outcome);
            }
        }
        tally.print("apicurio avro");
        assertThat(tally.differed).as("Apicurio Avro cases that differed").isEmpty();
        assertThat(tally.skipped).as("Apicurio Avro cases skipped").isEmpty();
    }

    /**
     * Apicurio's {@code compatibility} says in which directions the pair is compatible: {@code backward},
     * {@code forward}, {@code both} (or {@code full}) or {@code none}; each of BACKWARD, FORWARD and FULL must
     * answer accordingly.
     */
    private String apicurioCase(JsonNode t) {
        String directions = t.path("compatibility").asText();
        boolean backward = List.of("backward", "both", "full").contains(directions);
        boolean forward = List.of("forward", "both", "full").contains(directions);
        if (!backward && !forward && !directions.equals("none")) {
            return "unknown compatibility \"" + directions + "\"";
        }
        List<Version<Schema>> versions = List.of(
                new Version<>("original", avro.parse("original", schemaText(t.path("original")), Map.of())),
                new Version<>("updated", avro.parse("updated", schemaText(t.path("updated")), Map.of())));
        List<String> wrong = new ArrayList<>();
        Map<CompatibilityLevel, Boolean> expected = Map.of(CompatibilityLevel.BACKWARD, backward,
                CompatibilityLevel.FORWARD, forward, CompatibilityLevel.FULL, backward && forward);
        for (CompatibilityLevel level : List.of(CompatibilityLevel.BACKWARD, CompatibilityLevel.FORWARD,
                CompatibilityLevel.FULL)) {
            CompatibilityResult result = RecordCompatibility.check(level, versions, avro);
            if (result.compatible() != expected.get(level)) {
                wrong.add(level + " expected " + (expected.get(level) ? "compatible" : "incompatible")
                        + ", got " + result.breaking().stream().map(f -> f.code() + " " + f.location()).toList());
            }
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    /** A schema as the corpus holds it: a JSON object or array, or a bare primitive name as a JSON string. */
    private static String schemaText(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asText()));
            return out;
        }
        return List.of(node.asText());
    }

    private static JsonNode load(Path file) throws IOException {
        return JSON.readTree(SharedCorpora.require(file).toFile());
    }
}

package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.record.RecordCompatibility;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.testing.SharedCorpora;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance with Apicurio Registry's JSON Schema test data (Apicurio/apicurio-registry,
 * {@code schema-util/json/src/test/resources/...}, Apache-2.0), read from {@code ../shared/conformance/}.
 *
 * <p>Every compatibility case runs in both directions through {@link RecordCompatibility#check}: the file's
 * {@code compatibility} says in which directions {@code original -> updated} is compatible ({@code backward}:
 * backward only, {@code both}, {@code none}). Where Strata answers differently on purpose the case is in an
 * allow-list with the reason; any other disagreement, or an allow-listed case that starts agreeing, fails.
 */
class JsonSchemaConformanceTest {

    /** Inside ../shared; see {@link SharedCorpora}. */
    private static final Path CORPUS = Path.of("conformance", "record", "apicurio-registry");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaSupport SUPPORT = new JsonSchemaSupport();

    /** Compatibility cases where Strata's answer differs from Apicurio's on purpose: "case id|LEVEL" -> why. */
    static final Map<String, String> COMPATIBILITY_DIFFERENCES = Map.of();

    /** Validity cases where Strata's answer differs on purpose: "#position|draft" -> why. */
    static final Map<String, String> VALIDITY_DIFFERENCES = Map.of(
            "#6|draft-2020", "{\"$dynamicAnchor\": \"\"} is invalid under 2020-12: its core meta-schema requires an"
                    + " anchor string matching ^[A-Za-z_][-A-Za-z0-9._]*$; the case itself notes it should fail and"
                    + " that Apicurio's library accepts it anyway",
            "#10|draft-04", "{\"exclusiveMinimum\": true} without \"minimum\" is invalid under draft-04: the"
                    + " specification says minimum MUST be present when exclusiveMinimum is, and the draft-04"
                    + " meta-schema states it as a dependency (exclusiveMinimum -> minimum)");

    @Test
    void compatibilityCasesAgreeWithApicurioInBothDirections() throws IOException {
        JsonNode tests = corpus("json/compatibility-test-data.json").get("tests");
        assertThat(tests).as("the corpus lists its cases under \"tests\"").isNotNull();
        int agreed = 0;
        Map<String, String> differed = new TreeMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode test : tests) {
            index++;
            // Ids repeat in the file ("String: minLength" three times), so the position makes them unique.
            String caseId = "#" + index + " " + test.get("id").asText();
            if (!test.path("enabled").asBoolean(true)) {
                skipped.put(caseId, "disabled in the corpus");
                continue;
            }
            String compatibility = test.get("compatibility").asText();
            JsonSchemaDocument original;
            JsonSchemaDocument updated;
            try {
                original = SUPPORT.parse(caseId + " original", test.get("original").toString(), Map.of());
                updated = SUPPORT.parse(caseId + " updated", test.get("updated").toString(), Map.of());
            } catch (StrataException e) {
                skipped.put(caseId, "not parsed: " + e.getMessage());
                continue;
            }
            for (CompatibilityLevel level : List.of(CompatibilityLevel.BACKWARD, CompatibilityLevel.FORWARD)) {
                boolean expected = switch (compatibility) {
                    case "both", "full" -> true;
                    case "backward" -> level == CompatibilityLevel.BACKWARD;
                    case "forward" -> level == CompatibilityLevel.FORWARD;
                    case "none" -> false;
                    default -> throw new IllegalStateException(caseId + ": unknown compatibility " + compatibility);
                };
                CompatibilityResult result = RecordCompatibility.check(level, List.of(
                        new RecordCompatibility.Version<>("original", original),
                        new RecordCompatibility.Version<>("updated", updated)), SUPPORT);
                if (result.compatible() == expected) {
                    agreed++;
                } else {
                    differed.put(caseId + "|" + level, "Apicurio: " + (expected ? "compatible" : "incompatible")
                            + ", Strata: " + (result.compatible() ? "compatible" : "incompatible")
                            + result.breaking().stream().map(f -> " " + f.code() + " at " + f.location()).toList());
                }
            }
        }
        System.out.println("json schema conformance: " + agreed + " agreed, " + differed.size() + " differed, "
                + skipped.size() + " skipped");
        differed.forEach((key, what) -> System.out.println("  differed " + key + ": " + what
                + (COMPATIBILITY_DIFFERENCES.containsKey(key) ? " -- known: " + COMPATIBILITY_DIFFERENCES.get(key) : "")));
        skipped.forEach((key, why) -> System.out.println("  skipped " + key + ": " + why));
        assertAllowed(differed, COMPATIBILITY_DIFFERENCES, "compatibility");
        assertThat(skipped).as("skipped compatibility cases").isEmpty();
    }

    @Test
    void validityCasesAgreeWithApicurio() throws IOException {
        JsonNode tests = corpus("json-validity/test-data.json").get("tests");
        assertThat(tests).as("the corpus lists its cases under \"tests\"").isNotNull();
        Map<String, String> drafts = Map.of(
                "draft-04", "http://json-schema.org/draft-04/schema#",
                "draft-06", "http://json-schema.org/draft-06/schema#",
                "draft-07", "http://json-schema.org/draft-07/schema#",
                "draft-2020", "https://json-schema.org/draft/2020-12/schema");
        int agreed = 0;
        Map<String, String> differed = new TreeMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode test : tests) {
            index++;
            String position = "#" + index;
            String description = position + " " + test.get("description").asText();
            for (Map.Entry<String, JsonNode> expectation : test.get("expected").properties()) {
                String draft = expectation.getKey();
                String key = position + "|" + draft;
                if (!drafts.containsKey(draft)) {
                    skipped.put(key, "unknown draft key");
                    continue;
                }
                // As Apicurio's ValiditySmokeTest does: the same schema, declared under each draft.
                ObjectNode schema = ((ObjectNode) test.get("schema").deepCopy()).put("$schema", drafts.get(draft));
                boolean expected = expectation.getValue().asBoolean();
                String label = "validity " + key + " (" + description + ")";
                String error = null;
                try {
                    SUPPORT.parse(label, schema.toString(), Map.of());
                } catch (StrataException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).as("the error names the schema").contains("\"" + label + "\"");
                    assertThat(e.getMessage()).as("the error says where").containsPattern("at (the root|/)");
                    error = e.getMessage();
                }
                if ((error == null) == expected) {
                    agreed++;
                } else {
                    differed.put(key, "Apicurio: " + (expected ? "valid" : "invalid") + ", Strata: "
                            + (error == null ? "valid" : "invalid (" + error + ")"));
                }
            }
        }
        System.out.println("json schema validity conformance: " + agreed + " agreed, " + differed.size()
                + " differed, " + skipped.size() + " skipped");
        differed.forEach((key, what) -> System.out.println("  differed " + key + ": " + what
                + (VALIDITY_DIFFERENCES.containsKey(key) ? " -- known: " + VALIDITY_DIFFERENCES.get(key) : "")));
        skipped.forEach((key, why) -> System.out.println("  skipped " + key + ": " + why));
        assertAllowed(differed, VALIDITY_DIFFERENCES, "validity");
        assertThat(skipped).as("skipped validity cases").isEmpty();
    }

    private static void assertAllowed(Map<String, String> differed, Map<String, String> allowed, String what) {
        List<String> unexpected = new ArrayList<>();
        differed.forEach((key, detail) -> {
            if (!allowed.containsKey(key)) {
                unexpected.add(key + ": " + detail);
            }
        });
        List<String> stale = allowed.keySet().stream().filter(key -> !differed.containsKey(key)).sorted().toList();
        assertThat(unexpected).as(what + " cases that differ without an explained reason").isEmpty();
        assertThat(stale).as(what + " cases allow-listed as differing that now agree: remove them from the list").isEmpty();
    }

    private static JsonNode corpus(String file) throws IOException {
        return JSON.readTree(Files.readString(SharedCorpora.require(CORPUS.resolve(file))));
    }
}

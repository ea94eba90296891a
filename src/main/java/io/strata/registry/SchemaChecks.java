package io.strata.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.source.RecordSources;
import io.strata.compat.CompatibilityChecker;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordFormatSupport;
import io.strata.diff.Differ;
import io.strata.model.SubjectFormat;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * SchemaChecks checks parsed schemas of one subject against each other, whatever their format, and
 * computes what a new version does to the semantic version.
 */
public final class SchemaChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys that document a record schema without changing what data it describes. */
    private static final Set<String> DOCUMENTATION = Set.of("doc", "title", "description", "$comment", "examples");

    private static final Set<String> NAMED_CHILDREN =
            Set.of("properties", "patternProperties", "definitions", "$defs", "dependentSchemas");

    private SchemaChecks() {
    }

    /** One version to check: a label for messages (e.g. {@code version 3}) and the parsed schema. */
    public record Labelled(String label, ParsedSchema schema) {
    }

    /**
     * Checks the newest of {@code versions} (oldest first, at least two) against the earlier ones the level
     * compares ({@link io.strata.compat.Levels} says which).
     */
    public static CompatibilityResult check(CompatibilityLevel level, List<Labelled> versions) {
        Labelled newest = versions.get(versions.size() - 1);
        if (newest.schema().format() == SubjectFormat.SQL) {
            return CompatibilityChecker.check(level, versions.subList(0, versions.size() - 1), Labelled::label,
                    newest.label(), earlier -> Differ.diff(earlier.schema().catalog(), newest.schema().catalog()),
                    newest.schema().dialect());
        }
        return checkRecords(RecordSources.support(newest.schema().format().record()), level, versions);
    }

    @SuppressWarnings("unchecked")
    private static <S> CompatibilityResult checkRecords(RecordFormatSupport<S> support, CompatibilityLevel level,
                                                       List<Labelled> versions) {
        List<RecordCompatibility.Version<S>> typed = versions.stream()
                .map(v -> new RecordCompatibility.Version<>(v.label(), (S) v.schema().value())).toList();
        return RecordCompatibility.check(level, typed, support);
    }

    /**
     * What {@code next} does to the version number after {@code previous}: MAJOR when readers of the
     * previous version break (whatever the subject's level), MINOR when the structure changed, PATCH when
     * only documentation did.
     */
    public static SemanticVersion.Bump bump(ParsedSchema previous, ParsedSchema next) {
        CompatibilityResult backward = check(CompatibilityLevel.BACKWARD,
                List.of(new Labelled("previous", previous), new Labelled("next", next)));
        if (!backward.compatible()) {
            return SemanticVersion.Bump.MAJOR;
        }
        return sameStructure(previous, next) ? SemanticVersion.Bump.PATCH : SemanticVersion.Bump.MINOR;
    }

    private static boolean sameStructure(ParsedSchema a, ParsedSchema b) {
        return switch (a.format()) {
            case SQL -> Differ.diff(a.catalog(), b.catalog()).isEmpty();
            case AVRO, JSON -> withoutDocumentation(a.canonical()).equals(withoutDocumentation(b.canonical()));
            case PROTOBUF -> a.canonical().equals(b.canonical());
        };
    }

    private static JsonNode withoutDocumentation(String canonicalJson) {
        try {
            JsonNode tree = JSON.readTree(canonicalJson);
            strip(tree, "");
            return tree;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a canonical form is JSON", e);
        }
    }

    /** Under {@code properties} and the like, keys are names of the data (a property may be called "title"). */
    private static void strip(JsonNode node, String key) {
        if (node instanceof ObjectNode object && !NAMED_CHILDREN.contains(key)) {
            object.remove(DOCUMENTATION);
        }
        for (Iterator<java.util.Map.Entry<String, JsonNode>> children = node.fields(); children.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> child = children.next();
            strip(child.getValue(), child.getKey());
        }
        if (node.isArray()) {
            node.forEach(element -> strip(element, ""));
        }
    }
}

package io.strata.compat.json;

import io.apicurio.registry.rules.compatibility.jsonschema.JsonSchemaDiffLibrary;
import io.apicurio.registry.rules.compatibility.jsonschema.diff.DiffType;
import io.apicurio.registry.rules.compatibility.jsonschema.diff.Difference;
import io.strata.compat.record.RecordIncompatibility;

import java.util.ArrayList;
import java.util.List;

/**
 * ApicurioDifferences asks Apicurio's JSON Schema differ whether a reader reads a writer's documents and
 * turns each incompatible difference into a {@link RecordIncompatibility} with a Strata code.
 *
 * <p>Direction: Apicurio diffs {@code original -> updated} and calls a difference incompatible when the
 * updated schema cannot validate documents valid under the original, which is its BACKWARD check with the
 * previous version as original. Strata's primitive asks the same of any pair, so the writer is Apicurio's
 * original and the reader its updated schema; locations are taken from the updated (reader) side.
 */
final class ApicurioDifferences {

    private static final int SHOWN = 80;

    private ApicurioDifferences() {
    }

    /** Apicurio's incompatible differences, each with its location in the reader. */
    record Found(Difference difference, SchemaLocation location) {
        DiffType type() {
            return difference.getDiffType();
        }
    }

    static List<Found> find(JsonSchemaDocument reader, JsonSchemaDocument writer) {
        List<Found> out = new ArrayList<>();
        for (Difference d : JsonSchemaDiffLibrary.findDifferences(writer.everit(), reader.everit())
                .getIncompatibleDifferences()) {
            out.add(new Found(d, SchemaLocation.find(reader.tree(), d.getPathUpdated())));
        }
        return out;
    }

    static RecordIncompatibility toIncompatibility(Found found) {
        JsonSchemaRule rule = rule(found.difference());
        String location = found.location().pointer();
        String message = rule.detects() + " at " + found.location().describe() + " (writer: "
                + shown(found.difference().getSubSchemaOriginal()) + "; reader: "
                + shown(found.difference().getSubSchemaUpdated()) + "; Apicurio " + found.type() + ")";
        return new RecordIncompatibility(rule.code(), location, message, rule.why(), rule.recipe());
    }

    /**
     * The rule for a difference. Apicurio reports a property added to an open model and one removed from a
     * closed model with the same type; its path ({@code propertySchemasAdded}/{@code Removed}) tells them apart.
     */
    static JsonSchemaRule rule(Difference d) {
        String path = d.getPathUpdated() == null ? "" : d.getPathUpdated();
        boolean propertySchemas = d.getDiffType() == DiffType.OBJECT_TYPE_PROPERTY_SCHEMAS_NARROWED
                || d.getDiffType() == DiffType.OBJECT_TYPE_PROPERTY_SCHEMAS_CHANGED;
        if (propertySchemas && path.endsWith("propertySchemasAdded")) {
            return JsonSchemaRule.JSON_PROPERTY_ADDED_TO_OPEN_MODEL;
        }
        return JsonSchemaRule.of(d.getDiffType());
    }

    /** Apicurio prints sub-schemas through its wrappers; the wrapped JSON is what a user wrote. */
    private static String shown(String subSchema) {
        if (subSchema == null) {
            return "none";
        }
        String s = subSchema.replaceAll("[A-Za-z]+SchemaWrapper\\(wrapped=", "").replaceAll("\\)(?=[,\\]]|$)", "");
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN - 3) + "...";
    }
}

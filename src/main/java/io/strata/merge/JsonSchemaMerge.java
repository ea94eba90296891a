package io.strata.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.compat.json.JsonSchemaSupport;
import io.strata.error.StrataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JsonSchemaMerge is the three-way merge of JSON Schemas: objects merge key by key, recursively (a key
 * both sides added as objects merges as if the base had an empty object there, since JSON Schema
 * keywords are independent); {@code required} merges as a set; other arrays and scalars are whole values.
 * A conflict names its JSON pointer.
 */
final class JsonSchemaMerge {

    private static final String REQUIRED = "required";

    private final Conflicts conflicts = new Conflicts();

    private JsonSchemaMerge() {
    }

    static MergeOutcome merge(MergeInput.Text base, MergeInput.Text ours, MergeInput.Text theirs) {
        JsonSchemaSupport json = new JsonSchemaSupport();
        json.parse("base", base.text(), base.imports());
        json.parse("ours", ours.text(), ours.imports());
        json.parse("theirs", theirs.text(), theirs.imports());
        JsonSchemaMerge merge = new JsonSchemaMerge();
        JsonNode merged = merge.node("", "", JsonTrees.read("base", base.text()), JsonTrees.read("ours", ours.text()),
                JsonTrees.read("theirs", theirs.text()));
        if (!merge.conflicts.isEmpty()) {
            return new MergeOutcome.Conflicted(merge.conflicts.list());
        }
        String text = JsonTrees.pretty(merged);
        try {
            json.parse("merged", text, Imports.both(ours.imports(), theirs.imports()));
        } catch (StrataException e) {
            return Imports.invalid("merged JSON Schema is invalid: " + e.getMessage());
        }
        return new MergeOutcome.Merged(text);
    }

    /** The merged value at {@code pointer}, or null when it is absent from the result. */
    private JsonNode node(String pointer, String key, JsonNode base, JsonNode ours, JsonNode theirs) {
        if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
            return ours;
        }
        if (Objects.equals(base, ours)) {
            return theirs;
        }
        if (ours instanceof ObjectNode && theirs instanceof ObjectNode && (base == null || base instanceof ObjectNode)) {
            return object(pointer, base == null ? JsonTrees.MAPPER.createObjectNode() : base, ours, theirs);
        }
        if (key.equals(REQUIRED) && arrayOrAbsent(base) && arrayOrAbsent(ours) && arrayOrAbsent(theirs)) {
            return required(base, ours, theirs);
        }
        conflicts.add(pointer, JsonTrees.compact(base), JsonTrees.compact(ours),
                JsonTrees.compact(theirs), Conflicts.describe(base, ours, theirs));
        return ours != null ? ours : theirs;
    }

    private JsonNode object(String pointer, JsonNode base, JsonNode ours, JsonNode theirs) {
        ObjectNode out = JsonTrees.MAPPER.createObjectNode();
        for (String k : JsonTrees.keys(ours, theirs)) {
            JsonNode v = node(pointer + "/" + escape(k), k, base.get(k), ours.get(k), theirs.get(k));
            if (v != null) {
                out.set(k, v);
            }
        }
        return out;
    }

    /** Names required by either side stay required unless one side dropped them; absent counts as empty. */
    private static JsonNode required(JsonNode base, JsonNode ours, JsonNode theirs) {
        List<JsonNode> merged = ThreeWay.set(members(base), members(ours), members(theirs));
        if (merged.isEmpty() && (ours == null || theirs == null)) {
            return null;
        }
        ArrayNode out = JsonTrees.MAPPER.createArrayNode();
        merged.forEach(out::add);
        return out;
    }

    private static boolean arrayOrAbsent(JsonNode node) {
        return node == null || node.isArray();
    }

    private static List<JsonNode> members(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null) {
            array.forEach(out::add);
        }
        return out;
    }

    /** RFC 6901: {@code ~} and {@code /} in a key. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}

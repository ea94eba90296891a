package io.strata.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.strata.compat.avro.AvroSupport;
import io.strata.error.StrataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AvroMerge is the three-way merge of Avro schemas: a record's attributes merge by key and its fields by
 * name (ours' order, then theirs' additions), recursing into records nested in field types, arrays, maps
 * and unions of the same shape. Any other value is taken whole. A conflict names the record and field.
 */
final class AvroMerge {

    private static final String FIELDS = "fields";
    private static final String TYPE = "type";

    private final Conflicts conflicts = new Conflicts();

    private AvroMerge() {
    }

    static MergeOutcome merge(MergeInput.Text base, MergeInput.Text ours, MergeInput.Text theirs) {
        AvroSupport avro = new AvroSupport();
        avro.parse("base", base.text(), base.imports());
        avro.parse("ours", ours.text(), ours.imports());
        avro.parse("theirs", theirs.text(), theirs.imports());
        JsonNode b = JsonTrees.read("base", base.text());
        JsonNode o = JsonTrees.read("ours", ours.text());
        JsonNode t = JsonTrees.read("theirs", theirs.text());
        AvroMerge merge = new AvroMerge();
        JsonNode merged = merge.schema(b, o, t);
        if (merged == null) {
            merge.conflicts.add(Imports.WHOLE_SCHEMA, JsonTrees.compact(b), JsonTrees.compact(o), JsonTrees.compact(t),
                    Conflicts.describe(b, o, t));
        }
        if (!merge.conflicts.isEmpty()) {
            return new MergeOutcome.Conflicted(merge.conflicts.list());
        }
        String text = JsonTrees.pretty(merged);
        try {
            avro.parse("merged", text, Imports.both(ours.imports(), theirs.imports()));
        } catch (StrataException e) {
            return Imports.invalid("merged Avro schema is invalid: " + e.getMessage());
        }
        return new MergeOutcome.Merged(text);
    }

    /** The merged schema, or null when it can only be taken whole and the sides changed it differently. */
    private JsonNode schema(JsonNode base, JsonNode ours, JsonNode theirs) {
        if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
            return ours;
        }
        if (Objects.equals(base, ours)) {
            return theirs;
        }
        if (base == null || ours == null || theirs == null) {
            return null;
        }
        if (isRecord(base) && isRecord(ours) && isRecord(theirs)) {
            return record(base, ours, theirs);
        }
        if (base.isObject() && ours.isObject() && theirs.isObject()
                && base.path(TYPE).equals(ours.path(TYPE)) && base.path(TYPE).equals(theirs.path(TYPE))) {
            // an array, map or annotated type: its items/values may hold records; other keys are whole values
            return attributes("", base, ours, theirs, new Conflicts());
        }
        if (base.isArray() && ours.isArray() && theirs.isArray()
                && base.size() == ours.size() && base.size() == theirs.size()) {
            return union(base, ours, theirs);
        }
        return null;
    }

    /** Branch by branch; a union whose branches were added, removed or reordered is taken whole. */
    private JsonNode union(JsonNode base, JsonNode ours, JsonNode theirs) {
        ArrayNode out = JsonTrees.MAPPER.createArrayNode();
        for (int i = 0; i < base.size(); i++) {
            JsonNode branch = schema(base.get(i), ours.get(i), theirs.get(i));
            if (branch == null) {
                return null;
            }
            out.add(branch);
        }
        return out;
    }

    private JsonNode record(JsonNode base, JsonNode ours, JsonNode theirs) {
        return attributes("record " + fullName(ours), base, ours, theirs, conflicts);
    }

    /**
     * An object merged key by key into {@code sink}: {@code fields} by field name, schemas inside
     * {@code type}, {@code items} and {@code values} recursively, anything else whole. Returns null when
     * a conflict went into a local sink, so that the caller reports the enclosing object.
     */
    private JsonNode attributes(String object, JsonNode base, JsonNode ours, JsonNode theirs, Conflicts sink) {
        ThreeWay.Keyed<Map.Entry<String, JsonNode>> keyed = new ThreeWay.Keyed<>(Map.Entry::getKey, Map.Entry::getValue,
                e -> object + " " + e.getKey(), e -> JsonTrees.compact(e.getValue()),
                (at, b, o, t) -> entry(object, b.getKey(), b.getValue(), o.getValue(), t.getValue()));
        int before = sink.list().size();
        JsonNode merged = JsonTrees.object(keyed.merge(JsonTrees.entries(base), JsonTrees.entries(ours),
                JsonTrees.entries(theirs), sink));
        return sink != conflicts && sink.list().size() > before ? null : merged;
    }

    private Map.Entry<String, JsonNode> entry(String object, String key, JsonNode base, JsonNode ours, JsonNode theirs) {
        JsonNode merged = null;
        if (key.equals(FIELDS) && base.isArray() && ours.isArray() && theirs.isArray()) {
            merged = fields(object, base, ours, theirs);
        } else if (key.equals(TYPE) || key.equals("items") || key.equals("values")) {
            merged = schema(base, ours, theirs);
        }
        return merged == null ? null : Map.entry(key, merged);
    }

    private JsonNode fields(String record, JsonNode base, JsonNode ours, JsonNode theirs) {
        ThreeWay.Keyed<JsonNode> keyed = new ThreeWay.Keyed<>(f -> f.path("name").asText(), f -> f,
                f -> record + " field " + f.path("name").asText(), JsonTrees::compact,
                // a field's conflict names the field and shows it whole; a nested record names itself
                (at, b, o, t) -> attributes(at, b, o, t, new Conflicts()));
        ArrayNode out = JsonTrees.MAPPER.createArrayNode();
        keyed.merge(list(base), list(ours), list(theirs), conflicts).forEach(out::add);
        return out;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static boolean isRecord(JsonNode node) {
        return node.isObject() && ("record".equals(node.path(TYPE).asText()) || "error".equals(node.path(TYPE).asText()));
    }

    private static String fullName(JsonNode record) {
        String name = record.path("name").asText();
        String namespace = record.path("namespace").asText("");
        return name.contains(".") || namespace.isEmpty() ? name : namespace + "." + name;
    }
}

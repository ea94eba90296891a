package io.strata.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.error.StrataException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JsonTrees reads, writes and walks the JSON trees of the Avro and JSON Schema merges. */
final class JsonTrees {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTrees() {
    }

    static JsonNode read(String what, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw StrataException.badInput(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    static String compact(JsonNode node) {
        return node == null ? null : node.toString();
    }

    static String pretty(JsonNode node) {
        return node.toPrettyString();
    }

    /** The entries of an object, in its order. */
    static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        return new ArrayList<>(object.properties());
    }

    static ObjectNode object(List<Map.Entry<String, JsonNode>> entries) {
        ObjectNode out = MAPPER.createObjectNode();
        entries.forEach(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    /** Ours' keys in ours' order, then the keys only theirs has. */
    static Set<String> keys(JsonNode ours, JsonNode theirs) {
        Set<String> keys = new LinkedHashSet<>();
        ours.properties().forEach(e -> keys.add(e.getKey()));
        theirs.properties().forEach(e -> keys.add(e.getKey()));
        return keys;
    }
}

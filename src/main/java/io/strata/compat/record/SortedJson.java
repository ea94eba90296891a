package io.strata.compat.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * SortedJson is the canonical text of a JSON value, shared by the formats written in JSON (Avro, JSON
 * Schema): object keys sorted, no insignificant whitespace, so two files that differ only in formatting or
 * key order print, and fingerprint, the same. Numbers stay as Jackson read them ({@code 1} is not {@code 1.0}).
 */
public final class SortedJson {

    /** ORDER_MAP_ENTRIES_BY_KEYS sorts maps, not tree nodes, so values go through plain maps and lists first. */
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private SortedJson() {
    }

    public static String of(JsonNode tree) {
        try {
            return SORTED.writeValueAsString(SORTED.convertValue(tree, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }

    /** The canonical text of JSON written by a library (Avro's rendering of a schema), which always reads back. */
    public static String of(String json) {
        try {
            return SORTED.writeValueAsString(SORTED.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON that does not read back: " + e.getOriginalMessage(), e);
        }
    }
}

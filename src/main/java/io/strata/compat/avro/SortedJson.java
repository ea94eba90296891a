package io.strata.compat.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** SortedJson writes JSON text again with every object's keys in sorted order and no insignificant whitespace. */
final class SortedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private SortedJson() {
    }

    static String of(String json) {
        try {
            // Through plain maps and lists: ORDER_MAP_ENTRIES_BY_KEYS sorts maps, not tree nodes.
            return MAPPER.writeValueAsString(MAPPER.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote JSON that does not read back: " + e.getOriginalMessage(), e);
        }
    }
}

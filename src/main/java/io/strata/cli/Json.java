package io.strata.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Json writes command results. Unlike model files, results keep empty arrays and false values: a
 * script must be able to read {@code "changes": []} as "no difference".
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** {@code value} (a record of the API's) as the map of its JSON fields, in their order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return MAPPER.convertValue(value, LinkedHashMap.class);
    }
}

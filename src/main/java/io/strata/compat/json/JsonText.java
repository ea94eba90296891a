package io.strata.compat.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

/**
 * JsonText reads the JSON text of a schema into a tree, refusing what is not exactly one JSON value with
 * the line and column where reading stopped.
 */
final class JsonText {

    /**
     * Duplicate keys are refused: two validators may keep different ones, so the schema would mean two
     * things. Trailing content is refused too, since it is usually a second schema pasted by mistake.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonText() {
    }

    static JsonNode read(String label, String text) {
        if (text == null || text.isBlank()) {
            throw StrataException.badInput("schema \"" + label + "\" is empty; a JSON Schema is a JSON object or a boolean");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new StrataException(ErrorCode.BAD_INPUT, "schema \"" + label + "\"" + where + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}

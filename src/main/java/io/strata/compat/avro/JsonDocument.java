package io.strata.compat.avro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JsonDocument is a schema file read as plain JSON: its tree, and where each value starts, by JSON pointer.
 * Avro reports what is wrong but rarely where; keeping the positions lets a parse error name the line.
 *
 * @param tree      the document
 * @param positions the line and column each value starts at, by JSON pointer ({@code ""} is the root), in
 *                  document order
 */
record JsonDocument(JsonNode tree, Map<String, Position> positions) {

    /** A place in the text, both counted from 1. */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    // Avro's own parser accepts comments; a file Avro accepts must not fail here first.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    JsonDocument {
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    /**
     * Reads {@code text}; invalid JSON is a BAD_INPUT naming {@code label}, the line and column and Jackson's
     * reason, so syntax errors never reach Avro (whose message would bury the position in a nested one).
     */
    static JsonDocument read(String label, String text) {
        Map<String, Position> positions = new LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw StrataException.badInput(label + ": the schema is empty");
            }
            walk(parser, "", positions);
            if (parser.nextToken() != null) {
                throw StrataException.badInput(label + ":" + position(parser.currentTokenLocation())
                        + ": unexpected content after the schema");
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + position(e.getLocation());
            throw new StrataException(ErrorCode.BAD_INPUT,
                    label + where + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new StrataException(ErrorCode.BAD_INPUT, label + ": cannot read the schema: " + e.getMessage(), e);
        }
        try {
            return new JsonDocument(MAPPER.readTree(text), positions);
        } catch (JsonProcessingException e) {
            // The walk above read the same text without complaint.
            throw new IllegalStateException("JSON accepted once and refused the second time: " + label, e);
        }
    }

    /** Where the value at {@code pointer} starts, if there is one. */
    Optional<Position> at(String pointer) {
        return Optional.ofNullable(positions.get(pointer));
    }

    /** The value at {@code pointer}, a missing node when there is none. */
    JsonNode node(String pointer) {
        return tree.at(pointer);
    }

    /** Records the position of the value the parser is on and of everything inside it. */
    private static void walk(JsonParser parser, String pointer, Map<String, Position> positions) throws IOException {
        positions.put(pointer, position(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                walk(parser, pointer + "/" + escape(name), positions);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(parser, pointer + "/" + index++, positions);
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Position position(JsonLocation location) {
        return new Position(location.getLineNr(), location.getColumnNr());
    }
}

package io.strata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JsonBodies reads request bodies: one JSON object of valid UTF-8, each field of the expected JSON type, with errors
 * that name the field and what was expected. A string field names something (a subject, an environment, a team, a
 * tag...) and is held to {@code NameRules}, unless it is one of the free-text fields ({@link #FREE_TEXT}): new fields
 * are names unless listed there, so a forgotten one is refused too strictly rather than too loosely.
 */
final class JsonBodies {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The string fields that hold prose or documents rather than names: any character is theirs. */
    static final Set<String> FREE_TEXT = Set.of("schema", "schemas", "message", "description", "comment");

    private JsonBodies() {
    }

    /** JSON this server wrote to the store (a report, a preflight), read back to be embedded in an answer. */
    static JsonNode stored(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(what + " is JSON written by this server", e);
        }
    }

    /** The body as a JSON object. */
    static ObjectNode object(Context ctx) {
        String body = body(ctx);
        if (body.isBlank()) {
            throw ApiException.badRequest("the request body is empty; expected a JSON object");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest("the request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.badRequest("the request body must be a JSON object, not " + kind(tree));
        }
        return object;
    }

    /** A string field; null when absent or JSON null, unless required. */
    static String text(ObjectNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.badRequest("field \"" + field + "\" is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("field \"" + field + "\" must be a string, not " + kind(node));
        }
        return named("field \"" + field + "\"", field, node.textValue());
    }

    /** A whole-number field; null when absent or JSON null. */
    static Integer whole(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.badRequest("field \"" + field + "\" must be a whole number, not " + kind(node));
        }
        return node.intValue();
    }

    /** A list of strings; null when absent. */
    /** A true/false field, or null when absent; anything else is refused naming the field. */
    static Boolean bool(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("field \"" + field + "\" must be true or false");
        }
        return node.booleanValue();
    }

    static List<String> texts(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("field \"" + field + "\" must be an array of strings, not " + kind(node));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw ApiException.badRequest("field \"" + field + "\"[" + i + "] must be a string, not " + kind(node.get(i)));
            }
            out.add(named("field \"" + field + "\"[" + i + "]", field, node.get(i).textValue()));
        }
        return out;
    }

    /** A list of objects; null when absent. */
    static List<ObjectNode> objects(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("field \"" + field + "\" must be an array of objects, not " + kind(node));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!(node.get(i) instanceof ObjectNode o)) {
                throw ApiException.badRequest("field \"" + field + "\"[" + i + "] must be an object, not " + kind(node.get(i)));
            }
            out.add(o);
        }
        return out;
    }

    /** A query parameter as a whole number, or {@code fallback} when absent. */
    static long longParam(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter \"" + name + "\" must be a whole number, not \"" + value + "\"");
        }
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && (value.isEmpty() || value.toLowerCase(Locale.ROOT).equals("true"));
    }

    /**
     * The body as text: strict UTF-8 unless the request declared another charset (JSON is UTF-8; a declared charset
     * the JVM knows was let through by the server's content checks).
     */
    private static String body(Context ctx) {
        String type = ctx.header("Content-Type");
        String charset = null;
        if (type != null) {
            for (String parameter : type.split(";")) {
                String p = parameter.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    charset = p.substring(8).replace("\"", "").trim();
                }
            }
        }
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            return ctx.body();
        }
        return RequestNames.strictUtf8(ctx.bodyAsBytes(), "the request body");
    }

    private static String named(String what, String field, String value) {
        if (!FREE_TEXT.contains(field)) {
            RequestNames.refuse(what, value);
        }
        return value;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }
}

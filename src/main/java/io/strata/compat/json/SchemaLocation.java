package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A SchemaLocation is a place in a schema document: its JSON pointer and the node there.
 *
 * <p>Apicurio's differ reports paths of its own ({@code /properties/home/[ref #/properties/home]/properties/zip},
 * {@code /propertySchemasAdded}, {@code /properties/x/[size]}). {@link #find} walks such a path through the
 * document instead, following local {@code $ref}s, so the location is a JSON pointer a user can open; where
 * the path leaves the document (a keyword the loader rewrote), it stops at the deepest node it reached.
 */
record SchemaLocation(String pointer, JsonNode node) {

    static SchemaLocation root(JsonNode tree) {
        return new SchemaLocation("", tree);
    }

    static SchemaLocation find(JsonNode tree, String apicurioPath) {
        SchemaLocation at = root(tree);
        if (apicurioPath == null) {
            return at;
        }
        for (String segment : segments(apicurioPath)) {
            SchemaLocation next = at.step(tree, segment);
            if (next == null) {
                break;
            }
            at = next;
        }
        return at;
    }

    /** Splits on {@code /} outside brackets: {@code [ref #/properties/home]} is one segment. */
    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (c == '/' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** One step along Apicurio's path; null when the document has nothing there. */
    private SchemaLocation step(JsonNode tree, String segment) {
        if (segment.startsWith("[ref")) {
            return follow(tree);
        }
        if (segment.startsWith("[")) {
            return this;
        }
        if (segment.equals("propertySchemasAdded") || segment.equals("propertySchemasRemoved")) {
            return child("properties");
        }
        if (segment.equals("schemaOfAdditionalItems")) {
            SchemaLocation properties = child("additionalProperties");
            return properties != null ? properties : child("additionalItems");
        }
        return child(segment);
    }

    SchemaLocation child(String key) {
        if (node.isObject() && node.has(key)) {
            return new SchemaLocation(pointer + "/" + EveritLoader.escape(key), node.get(key));
        }
        if (node.isArray() && key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
            int index = Integer.parseInt(key);
            return index < node.size() ? new SchemaLocation(pointer + "/" + index, node.get(index)) : null;
        }
        return null;
    }

    /** The target of a local {@code $ref} here ({@code #/...} pointers only); this place when there is none. */
    SchemaLocation follow(JsonNode tree) {
        JsonNode ref = node.isObject() ? node.get("$ref") : null;
        if (ref == null || !ref.isTextual() || !ref.textValue().startsWith("#/")) {
            return this;
        }
        String target = ref.textValue().substring(1);
        JsonNode found = tree.at(target);
        return found.isMissingNode() ? this : new SchemaLocation(target, found);
    }

    /** For messages. */
    String describe() {
        return pointer.isEmpty() ? "the root" : pointer;
    }
}

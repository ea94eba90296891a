package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.error.StrataException;

import java.util.Map;

/**
 * JsonSchemaParser turns schema text into a {@link JsonSchemaDocument}, in the order that gives the most
 * precise error: JSON syntax (line and column), the draft named by {@code $schema}, the draft's meta-schema
 * (JSON pointer and reason), then loading for comparison.
 */
final class JsonSchemaParser {

    private JsonSchemaParser() {
    }

    static JsonSchemaDocument parse(String label, String text, Map<String, String> imports) {
        JsonNode tree = JsonText.read(label, text);
        if (!tree.isObject() && !tree.isBoolean()) {
            throw StrataException.badInput("schema \"" + label + "\", at the root: a JSON Schema is an object or a"
                    + " boolean, not " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonSchemaDraft draft = draft(label, tree);
        if (tree.isBoolean() && !draft.allowsBooleanSchemas()) {
            throw StrataException.badInput("schema \"" + label + "\", at the root: " + draft
                    + " has no boolean schemas; write {} for true or {\"not\": {}} for false");
        }
        MetaSchemas.check(draft, tree).ifPresent(v -> {
            throw MetaSchemas.invalid(label, draft, v);
        });
        return new JsonSchemaDocument(label, draft, tree, EveritLoader.load(label, draft, tree, imports));
    }

    private static JsonSchemaDraft draft(String label, JsonNode tree) {
        JsonNode declared = tree.isObject() ? tree.get("$schema") : null;
        if (declared == null) {
            return JsonSchemaDraft.DEFAULT;
        }
        if (!declared.isTextual()) {
            throw StrataException.badInput("schema \"" + label + "\", at /$schema: must be a URI string, not "
                    + declared);
        }
        return JsonSchemaDraft.of(label, declared.textValue());
    }
}

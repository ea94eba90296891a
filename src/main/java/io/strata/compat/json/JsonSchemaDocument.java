package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.everit.json.schema.Schema;

import java.util.Objects;

/**
 * A JsonSchemaDocument is one parsed, valid JSON Schema: the JSON tree as written (for locations and the
 * canonical form), the draft it declares, and the everit model Apicurio's differ compares.
 *
 * @param label  where it came from, for messages
 * @param draft  the draft its {@code $schema} names, {@link JsonSchemaDraft#DEFAULT} without one
 * @param tree   the document; never mutated
 * @param everit the loaded model of {@code tree}
 */
public record JsonSchemaDocument(String label, JsonSchemaDraft draft, JsonNode tree, Schema everit) {
    public JsonSchemaDocument {
        Objects.requireNonNull(draft, "draft of " + label);
        Objects.requireNonNull(tree, "tree of " + label);
        Objects.requireNonNull(everit, "everit model of " + label);
    }
}

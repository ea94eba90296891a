package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.apicurio.registry.rules.compatibility.jsonschema.diff.DiffType;

import java.util.ArrayList;
import java.util.List;

/**
 * RequiredWithDefault is Strata's own rule for a property the reader requires and the writer may omit:
 * when the reader's schema for it has a {@code default}, the reader supplies the value, so the change is
 * compatible, as adding an Avro field with a default or a NOT NULL column with a DEFAULT is.
 *
 * <p>Apicurio reports every added {@code required} member as incompatible, default or not. That is the
 * answer of a bare validator, which never applies defaults; but a reader that declares a default for a
 * required property declares that it fills it in (as the Confluent registry's JSON Schema rules also
 * assume: "required property with default added" is compatible). Without a default Apicurio's answer stands.
 */
final class RequiredWithDefault {

    private RequiredWithDefault() {
    }

    /** Whether {@code found} is an added required property whose every new member has a default in the reader. */
    static boolean excuses(ApicurioDifferences.Found found, JsonSchemaDocument reader) {
        DiffType type = found.type();
        if (type != DiffType.OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED
                && type != DiffType.OBJECT_TYPE_REQUIRED_PROPERTIES_ADDED) {
            return false;
        }
        // The path ends in /required; the object schema is the node holding it.
        SchemaLocation at = found.location();
        if (!at.pointer().endsWith("/required") || !at.node().isArray()) {
            return false;
        }
        String objectPointer = at.pointer().substring(0, at.pointer().length() - "/required".length());
        SchemaLocation object = new SchemaLocation(objectPointer, reader.tree().at(objectPointer));
        JsonNode required = at.node();
        List<String> added = new ArrayList<>();
        String member = found.difference().getSubSchemaUpdated();
        if (type == DiffType.OBJECT_TYPE_REQUIRED_PROPERTIES_MEMBER_ADDED && member != null) {
            added.add(member);
        } else {
            required.forEach(r -> added.add(r.asText()));
        }
        for (String name : added) {
            SchemaLocation properties = object.child("properties");
            SchemaLocation property = properties == null ? null : properties.child(name);
            if (property == null) {
                return false;
            }
            JsonNode schema = property.follow(reader.tree()).node();
            if (!schema.isObject() || !schema.has("default")) {
                return false;
            }
        }
        return !added.isEmpty();
    }
}

package io.strata.compat.avro;

import org.apache.avro.Schema;

import java.util.Locale;

/**
 * ReaderElement names, for messages, the element of a reader schema at the JSON pointer Avro reports: a field
 * path such as {@code "shop.Order.lines[].sku"} and the type found there.
 *
 * <p>Avro's pointer steps through the reader ({@code fields/N}, {@code type}, {@code items}, {@code values})
 * but its numeric steps outside {@code fields} count branches of the <em>writer's</em> union, while the reader
 * stays where it is; and it ends on an attribute ({@code name}, {@code size}, {@code symbols}) of the type it
 * reached. The walk follows exactly that, and stops on anything it does not expect rather than guess.
 */
final class ReaderElement {

    private ReaderElement() {
    }

    /** A phrase naming the element at {@code location} in {@code reader}: {@code field "Order.id" (int)}. */
    static String describe(Schema reader, String location) {
        Schema current = reader;
        String path = reader.getType() == Schema.Type.RECORD ? reader.getFullName() : "";
        Schema.Field field = null;
        boolean atField = false;
        String[] steps = location.split("/");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            if (step.isEmpty() || isIndex(step)) {
                continue;
            }
            if (step.equals("fields") && current.getType() == Schema.Type.RECORD && i + 1 < steps.length
                    && isIndex(steps[i + 1])) {
                int index = Integer.parseInt(steps[++i]);
                if (index >= current.getFields().size()) {
                    break;
                }
                field = current.getFields().get(index);
                path = path.isEmpty() ? field.name() : path + "." + field.name();
                atField = true;
            } else if (step.equals("type") && atField) {
                current = field.schema();
                atField = false;
            } else if (step.equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
                path = path + "[]";
            } else if (step.equals("values") && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
                path = path + "{}";
            } else {
                break;
            }
        }
        if (atField) {
            return "field \"" + path + "\"";
        }
        String type = typeName(current);
        if (path.isEmpty() || (current.getType() == Schema.Type.RECORD && path.equals(current.getFullName()))) {
            return path.isEmpty() && !isNamed(current) ? "the schema (" + type + ")" : type;
        }
        return container(path) + " (" + type + ")";
    }

    /** {@code Order.lines[]} reads "the items of field "Order.lines"", as a field path would mislead. */
    private static String container(String path) {
        if (path.endsWith("[]") || path.endsWith("{}")) {
            String of = path.endsWith("[]") ? "the items of " : "the values of ";
            String base = path.substring(0, path.length() - 2);
            return of + (base.isEmpty() ? "the schema" : container(base));
        }
        return "field \"" + path + "\"";
    }

    private static String typeName(Schema schema) {
        String kind = schema.getType().getName().toLowerCase(Locale.ROOT);
        return isNamed(schema) ? kind + " \"" + schema.getFullName() + "\"" : kind;
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.chars().allMatch(Character::isDigit);
    }
}

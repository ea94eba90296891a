package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.compat.record.RecordIncompatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * UnreadKeywords is Strata's own rule for keywords the comparison cannot evaluate: everit-json-schema, which
 * Apicurio's differ compares, reads drafts up to 07, so the validation keywords 2019-09 and 2020-12 added are
 * invisible to it, and a change to one would otherwise be called compatible. Any difference in them between
 * reader and writer is reported as {@link JsonSchemaRule#JSON_UNREAD_KEYWORD_CHANGED}.
 *
 * <p>Only documents that declare 2019-09 or later are searched: under draft-07 these names are unknown
 * keywords with no effect on validation.
 */
final class UnreadKeywords {

    static final Set<String> KEYWORDS = Set.of("prefixItems", "dependentRequired", "dependentSchemas",
            "unevaluatedProperties", "unevaluatedItems", "minContains", "maxContains", "$dynamicRef",
            "$recursiveRef");
    /** Values of these keywords are data, not schemas: a keyword name inside them is not a keyword. */
    private static final Set<String> DATA = Set.of("enum", "const", "default", "examples");

    private UnreadKeywords() {
    }

    static List<RecordIncompatibility> compare(JsonSchemaDocument reader, JsonSchemaDocument writer) {
        Map<String, JsonNode> inReader = collect(reader);
        Map<String, JsonNode> inWriter = collect(writer);
        Set<String> pointers = new TreeSet<>(inReader.keySet());
        pointers.addAll(inWriter.keySet());
        List<RecordIncompatibility> out = new ArrayList<>();
        JsonSchemaRule rule = JsonSchemaRule.JSON_UNREAD_KEYWORD_CHANGED;
        for (String pointer : pointers) {
            JsonNode r = inReader.get(pointer);
            JsonNode w = inWriter.get(pointer);
            if (!Objects.equals(r, w)) {
                String keyword = pointer.substring(pointer.lastIndexOf('/') + 1);
                String change = r == null ? "only the writer has it" : w == null ? "only the reader has it"
                        : "reader and writer differ";
                out.add(new RecordIncompatibility(rule.code(), pointer, "keyword " + keyword + " at " + pointer
                        + " changed (" + change + "); Strata cannot compare it", rule.why(), rule.recipe()));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> collect(JsonSchemaDocument document) {
        Map<String, JsonNode> out = new TreeMap<>();
        if (document.draft() == JsonSchemaDraft.DRAFT_2019_09 || document.draft() == JsonSchemaDraft.DRAFT_2020_12) {
            walk(document.tree(), "", out);
        }
        return out;
    }

    private static void walk(JsonNode node, String pointer, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String at = pointer + "/" + EveritLoader.escape(e.getKey());
                if (KEYWORDS.contains(e.getKey())) {
                    out.put(at, e.getValue());
                }
                if (!DATA.contains(e.getKey())) {
                    walk(e.getValue(), at, out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, out);
            }
        }
    }
}

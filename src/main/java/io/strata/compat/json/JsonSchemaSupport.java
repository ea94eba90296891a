package io.strata.compat.json;

import io.strata.compat.record.RecordFormatSupport;
import io.strata.compat.record.RecordIncompatibility;
import io.strata.compat.record.SortedJson;
import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JsonSchemaSupport is Strata's support for JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12): parsing with
 * meta-schema validation, the sorted-key canonical form, and the compatibility primitive, which is
 * Apicurio's JSON Schema differ plus Strata's own rules where its answer is wrong or blind
 * ({@link RequiredWithDefault}, {@link UnreadKeywords}).
 */
public final class JsonSchemaSupport implements RecordFormatSupport<JsonSchemaDocument> {

    public JsonSchemaSupport() {
    }

    @Override
    public RecordFormat format() {
        return RecordFormat.JSON;
    }

    /**
     * {@inheritDoc}
     *
     * @param imports documents that {@code $ref}s outside this one name, by the URI (or relative name) they
     *                use; nothing is fetched
     */
    @Override
    public JsonSchemaDocument parse(String label, String text, Map<String, String> imports) {
        return JsonSchemaParser.parse(label, text, imports == null ? Map.of() : imports);
    }

    @Override
    public RecordSchema envelope(String label, JsonSchemaDocument schema) {
        return RecordSchema.of(RecordFormat.JSON, label, SortedJson.of(schema.tree()));
    }

    @Override
    public List<RecordIncompatibility> incompatibilities(JsonSchemaDocument reader, JsonSchemaDocument writer) {
        Map<String, RecordIncompatibility> out = new LinkedHashMap<>();
        List<RecordIncompatibility> found = new ArrayList<>();
        for (ApicurioDifferences.Found d : ApicurioDifferences.find(reader, writer)) {
            if (!RequiredWithDefault.excuses(d, reader)) {
                found.add(ApicurioDifferences.toIncompatibility(d));
            }
        }
        found.addAll(UnreadKeywords.compare(reader, writer));
        // Apicurio returns a set; sorting makes the answer, and every report built on it, repeatable.
        found.sort(Comparator.comparing(RecordIncompatibility::location).thenComparing(RecordIncompatibility::code)
                .thenComparing(RecordIncompatibility::message));
        for (RecordIncompatibility i : found) {
            out.putIfAbsent(i.code() + "\u0000" + i.location(), i);
        }
        return List.copyOf(out.values());
    }
}

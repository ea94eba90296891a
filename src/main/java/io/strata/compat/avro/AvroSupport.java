package io.strata.compat.avro;

import io.strata.compat.record.RecordFormatSupport;
import io.strata.compat.record.RecordIncompatibility;
import io.strata.compat.record.SortedJson;
import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;
import org.apache.avro.Schema;

import java.util.List;
import java.util.Map;

/**
 * AvroSupport is Strata's support for Apache Avro schemas ({@code .avsc}): Avro's own parser, a canonical form
 * (Avro's own rendering, keys sorted) with its SHA-256 fingerprint, and Avro's {@code SchemaCompatibility} as the one primitive the
 * levels are composed from, so that Strata answers exactly as Avro readers behave.
 */
public final class AvroSupport implements RecordFormatSupport<Schema> {

    public AvroSupport() {
    }

    @Override
    public RecordFormat format() {
        return RecordFormat.AVRO;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code imports} are other {@code .avsc} files, parsed first in their iteration order, whose named
     * types the schema may use by name.
     */
    @Override
    public Schema parse(String label, String text, Map<String, String> imports) {
        return AvroSchemaParser.parse(label, text, imports);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The canonical form is the schema as Avro writes it back from its own model, with object keys sorted:
     * formatting and key order are gone, but defaults, aliases, docs and logical types stay. Avro's Parsing
     * Canonical Form would drop those, and a version that only adds a default (which changes compatibility)
     * would then look like the one before it to a registry that recognises versions by fingerprint.
     */
    @Override
    public RecordSchema envelope(String label, Schema schema) {
        return RecordSchema.of(RecordFormat.AVRO, label, SortedJson.of(schema.toString()));
    }

    @Override
    public List<RecordIncompatibility> incompatibilities(Schema reader, Schema writer) {
        return AvroIncompatibilities.of(reader, writer);
    }
}

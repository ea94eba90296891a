package io.strata.compat.avro;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import org.apache.avro.Schema;

import java.util.Map;

/**
 * AvroSchemaParser parses {@code .avsc} text with Apache Avro's own parser, so that what Strata accepts is
 * exactly what Avro producers and consumers accept, and turns a failure into a BAD_INPUT that names the file,
 * the line and column, and what is wrong.
 */
final class AvroSchemaParser {

    private AvroSchemaParser() {
    }

    /**
     * Parses {@code text}, after the files in {@code imports} (in their iteration order), whose named types it
     * may then use, as Avro resolves a name only against types it has already seen.
     */
    static Schema parse(String label, String text, Map<String, String> imports) {
        Schema.Parser parser = new Schema.Parser();
        imports.forEach((name, importText) -> parseOne(parser, name, importText));
        return parseOne(parser, label, text);
    }

    private static Schema parseOne(Schema.Parser parser, String label, String text) {
        try {
            return parser.parse(text);
        } catch (RuntimeException e) {
            // Only a failure pays for reading the JSON again with positions: a syntax error gets its line
            // and column from it (JsonDocument.read throws that one itself), Avro's errors a place to point at.
            JsonDocument document = JsonDocument.read(label, text);
            // Avro throws SchemaParseException, AvroTypeException or a bare AvroRuntimeException for bad
            // schemas, and logical types may add IllegalArgumentException; all of them are the user's input.
            ParseErrorRules.Explained explained = ParseErrorRules.explain(String.valueOf(e.getMessage()), document);
            String where = explained.position().map(p -> ":" + p).orElse("");
            throw new StrataException(ErrorCode.BAD_INPUT, label + where + ": " + explained.text(), e);
        }
    }
}

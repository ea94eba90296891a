package io.strata.compat.avro;

import io.strata.compat.record.RecordIncompatibility;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

import java.util.List;

/**
 * AvroIncompatibilities asks Apache Avro's {@code SchemaCompatibility} whether a reader can read a writer's
 * data, and turns every incompatibility it reports (not only the first) into a {@link RecordIncompatibility}:
 * Avro's type as the code, Avro's JSON pointer as the location, and a sentence that names the element.
 */
final class AvroIncompatibilities {

    private AvroIncompatibilities() {
    }

    static List<RecordIncompatibility> of(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
                .stream().map(i -> map(reader, i)).toList();
    }

    private static RecordIncompatibility map(Schema reader, Incompatibility found) {
        AvroRule rule = AvroRule.of(found.getType());
        String element = ReaderElement.describe(reader, found.getLocation());
        String message = element + " " + rule.predicate() + detail(found);
        return new RecordIncompatibility(rule.code(), found.getLocation(), message, rule.why(), rule.recipe());
    }

    /**
     * Avro's own words, which carry the specifics (the types, the missing symbols, the expected name or size);
     * for a missing default they are only the field's name, which the element already gives.
     */
    private static String detail(Incompatibility found) {
        return found.getType() == SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE
                ? "" : " (" + found.getMessage() + ")";
    }
}

package io.strata.compat.record;

import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;

import java.util.List;
import java.util.Map;

/**
 * RecordFormatSupport is what Strata needs of one record format: parsing (with a clear error), the
 * canonical form and fingerprint, and the one compatibility primitive the levels are composed from.
 *
 * @param <S> the format library's parsed schema
 */
public interface RecordFormatSupport<S> {

    RecordFormat format();

    /**
     * Parses {@code text}; an invalid schema is a BAD_INPUT {@code StrataException} naming {@code label} and
     * where (line, or JSON pointer) and what is wrong.
     *
     * @param imports other files the schema may import (Protobuf), by the name it imports them under
     */
    S parse(String label, String text, Map<String, String> imports);

    /** The envelope of a parsed schema: canonical form and fingerprint. */
    RecordSchema envelope(String label, S schema);

    /**
     * The primitive: everything that stops {@code reader} from reading data written with {@code writer};
     * empty when it can. BACKWARD asks it with the new schema as reader, FORWARD with the old one.
     */
    List<RecordIncompatibility> incompatibilities(S reader, S writer);

    /**
     * What only the history shows, from {@code previous} to {@code current}: an element removed without
     * being reserved (Protobuf), which "can this reader read that writer" cannot tell from one being added.
     * Data written with the previous version carries what the current one no longer describes or protects
     * (its number may be reused), so these break the old writer. Formats that have none return nothing.
     */
    default List<RecordIncompatibility> removals(S previous, S current) {
        return List.of();
    }
}

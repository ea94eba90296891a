package io.strata.registry;

import io.strata.model.Catalog;
import io.strata.model.SubjectFormat;

/**
 * A ParsedSchema is a submitted schema after validation: its text as given, its canonical form and
 * fingerprint, and the parsed value the checkers work on (a format library's schema, or a {@link Catalog}
 * replayed from DDL for SQL subjects).
 *
 * @param dialect {@code postgres} or {@code mysql} for SQL, else null
 */
public record ParsedSchema(SubjectFormat format, String dialect, String text, String canonical, String fingerprint,
                           Object value) {

    /** The relational model of a SQL schema. */
    public Catalog catalog() {
        return (Catalog) value;
    }
}

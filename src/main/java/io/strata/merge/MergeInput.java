package io.strata.merge;

import io.strata.model.Catalog;

import java.util.Map;
import java.util.Objects;

/** A MergeInput is one of the three versions a merge reads: a record schema's text, or a relational catalog. */
public sealed interface MergeInput permits MergeInput.Text, MergeInput.Relational {

    /**
     * A record schema (Avro {@code .avsc}, JSON Schema, {@code .proto}) as registered.
     *
     * @param imports other files the schema refers to by name or path, as the compatibility check takes them;
     *                the merged schema is validated with both sides' imports
     */
    record Text(String text, Map<String, String> imports) implements MergeInput {
        public Text {
            Objects.requireNonNull(text, "text");
            imports = imports == null ? Map.of() : Map.copyOf(imports);
        }
    }

    /**
     * A relational schema, already replayed from its DDL.
     *
     * @param dialect the dialect name ({@code postgres}, {@code mysql}) whose renderer writes the merged DDL
     */
    record Relational(Catalog catalog, String dialect) implements MergeInput {
        public Relational {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(dialect, "dialect");
        }
    }

    /** A record schema's text that imports nothing. */
    static MergeInput text(String text) {
        return new Text(text, Map.of());
    }

    /** A relational schema in {@code dialect}. */
    static MergeInput catalog(Catalog catalog, String dialect) {
        return new Relational(catalog, dialect);
    }
}

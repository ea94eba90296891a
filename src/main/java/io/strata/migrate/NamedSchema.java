package io.strata.migrate;

import io.strata.model.Catalog;

import java.util.Objects;

/**
 * A NamedSchema is a schema a migration heads for or expects, with the label messages name it by: the file,
 * directory, plan file or registered version the user gave, never where it was replayed.
 */
public record NamedSchema(String label, Catalog catalog) {
    public NamedSchema {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(catalog, "catalog");
    }
}

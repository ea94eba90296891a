package io.strata.dialect;

import io.strata.model.Catalog;

import java.util.List;

/**
 * A DdlRenderer writes the CREATE statements that rebuild a {@link Catalog} on an empty database, in
 * dependency order (types before tables, tables before the foreign keys and views that use them).
 */
public interface DdlRenderer {

    /** One statement per element, without trailing semicolons. */
    List<String> createStatements(Catalog catalog);
}

package io.strata.source;

import io.strata.dialect.SqlScript;
import io.strata.model.Catalog;

import java.util.List;

/**
 * A LoadedSource is a schema read from one source, with the label to show for it.
 *
 * @param label   file path or redacted JDBC URL
 * @param scripts the SQL files the schema was replayed from (empty for a JDBC URL or a model file), kept so
 *                that comments in them ({@code strata:nolint}) are read without reading the files again
 */
public record LoadedSource(String label, Catalog catalog, List<SqlScript> scripts) {
    public LoadedSource {
        scripts = List.copyOf(scripts);
    }
}

package io.strata.app;

import io.strata.model.Catalog;

/**
 * A LoadedSource is a schema read from one source, with the label to show for it.
 *
 * @param label file path or redacted JDBC URL
 */
public record LoadedSource(String label, Catalog catalog) {
}

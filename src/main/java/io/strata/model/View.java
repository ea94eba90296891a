package io.strata.model;

import java.util.List;

/**
 * A View (or PostgreSQL materialized view).
 *
 * @param definition the SELECT as the server prints it; two views are equal when the server prints the same text
 * @param columns    output column names in order, which readers of the view depend on
 * @param renamedFrom previous name when the input says it was renamed, else null
 * @param indexes    indexes of a materialized view (plain views have none), sorted by name
 */
public record View(String name, String definition, boolean materialized, List<String> columns, String comment,
                   String renamedFrom, List<Index> indexes) {
    public View {
        columns = columns == null ? List.of() : List.copyOf(columns);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
    }

    public View withRenamedFrom(String previousName) {
        return new View(name, definition, materialized, columns, comment, previousName, indexes);
    }
}

package io.strata.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Table of a {@link Schema}, with its columns in ordinal order and its constraints and indexes
 * sorted by name. Lists and maps are never null; {@code primaryKey} may be null.
 *
 * @param options     dialect-specific table options that matter to compatibility or rebuilding:
 *                    MySQL {@code engine}, {@code charset}, {@code collation}, {@code auto_increment};
 *                    PostgreSQL {@code persistence=unlogged}, {@code partition_by}, {@code partition_of},
 *                    {@code partition_bound}, {@code inherits}
 * @param renamedFrom the table's previous name when the input says it was renamed, else null;
 *                    Strata never guesses renames
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<Check> checks, String comment,
                    Map<String, String> options, String renamedFrom) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = columns == null ? List.of() : List.copyOf(columns);
        uniques = uniques == null ? List.of() : List.copyOf(uniques);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        checks = checks == null ? List.of() : List.copyOf(checks);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static Table of(String name, List<Column> columns) {
        return new Table(name, columns, null, List.of(), List.of(), List.of(), List.of(), null, Map.of(), null);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Table withRenamedFrom(String previousName) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, options, previousName);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniques, indexes, foreignKeys, checks, comment, options, renamedFrom);
    }
}

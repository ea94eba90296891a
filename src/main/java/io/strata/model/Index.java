package io.strata.model;

import java.util.List;

/**
 * An Index of a table, apart from those that back a primary key or unique constraint.
 *
 * @param parts      key parts in order
 * @param unique     whether it enforces uniqueness
 * @param method     access method ({@code btree}, {@code gin}, {@code hash}, MySQL {@code BTREE}/{@code FULLTEXT}/{@code SPATIAL})
 * @param predicate  WHERE clause of a partial index, or null
 * @param include    PostgreSQL INCLUDE columns
 * @param comment    index comment, or null
 */
public record Index(String name, List<IndexPart> parts, boolean unique, String method, String predicate,
                    List<String> include, String comment) {
    public Index {
        parts = List.copyOf(parts);
        include = include == null ? List.of() : List.copyOf(include);
    }
}

package io.strata.model;

/**
 * A standalone sequence (sequences owned by identity columns belong to the column).
 *
 * @param ownedBy {@code table.column} that owns it (serial columns), or null
 */
public record Sequence(String name, String dataType, long start, long increment, long min, long max,
                       long cache, boolean cycle, String ownedBy) {
}

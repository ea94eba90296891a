package io.strata.model;

import java.util.List;

/**
 * A UniqueConstraint declared as a constraint (PostgreSQL {@code UNIQUE}); MySQL has unique
 * indexes only, which are {@link Index} values with {@code unique = true}.
 *
 * @param nullsNotDistinct PostgreSQL 15+ {@code NULLS NOT DISTINCT}
 */
public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}

package io.strata.model;

import java.util.List;

/** A PostgreSQL enum type: a named, ordered list of labels. MySQL's inline ENUM is {@link ColumnType.EnumValues}. */
public record EnumType(String name, List<String> values) {
    public EnumType {
        values = List.copyOf(values);
    }
}

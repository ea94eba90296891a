package io.strata.model;

import java.util.List;

/** A PrimaryKey names the columns, in key order, that identify a row. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}

package io.strata.model.change;

/** Which property of a column a {@link SchemaChange.ModifyColumn} changed. */
public enum ColumnChangeKind {
    TYPE, NULLABILITY, DEFAULT, IDENTITY, GENERATED, COLLATION, CHARSET, COMMENT
}

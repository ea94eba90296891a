package io.strata.model.change;

/** Which table-level property a {@link SchemaChange.ModifyTable} changed. */
public enum TableChangeKind {
    COMMENT, CHARSET, COLLATION, ENGINE, OPTIONS
}

package io.strata.model;

import java.util.Objects;

/**
 * A Column of a {@link Table}.
 *
 * @param type          the column's type, never null
 * @param nullable      whether NULL is allowed
 * @param defaultExpr   the default as the server prints it ({@code 0}, {@code now()}, {@code 'x'::text}), or null
 * @param identity      identity / auto-increment generation, or null
 * @param generatedExpr expression of a generated (computed) column, or null
 * @param generatedStored whether a generated column is stored (PostgreSQL only knows stored)
 * @param collation     collation when it differs from the default, or null
 * @param charset       MySQL character set of a text column, or null
 * @param comment       column comment, or null
 * @param renamedFrom   the column's previous name when the input says it was renamed, else null
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultExpr, Identity identity,
                     String generatedExpr, boolean generatedStored, String collation, String charset,
                     String comment, String renamedFrom) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of column " + name);
    }

    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, null, null, null, false, null, null, null, null);
    }

    public Column withRenamedFrom(String previousName) {
        return new Column(name, type, nullable, defaultExpr, identity, generatedExpr, generatedStored,
                collation, charset, comment, previousName);
    }

    public Column withDefault(String expr) {
        return new Column(name, type, nullable, expr, identity, generatedExpr, generatedStored,
                collation, charset, comment, renamedFrom);
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, value, defaultExpr, identity, generatedExpr, generatedStored,
                collation, charset, comment, renamedFrom);
    }

    public Column withType(ColumnType value) {
        return new Column(name, value, nullable, defaultExpr, identity, generatedExpr, generatedStored,
                collation, charset, comment, renamedFrom);
    }

    /** Whether an INSERT that omits this column still succeeds: it has a default, an identity or a generator, or accepts NULL. */
    public boolean canBeOmittedOnInsert() {
        return nullable || defaultExpr != null || identity != null || generatedExpr != null;
    }
}

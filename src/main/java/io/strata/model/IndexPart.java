package io.strata.model;

/**
 * One key part of an {@link Index}: a column or an expression.
 *
 * @param column     column name, or null for an expression part
 * @param expression expression text as the server prints it, or null for a column part
 * @param descending whether the part sorts descending
 * @param opclass    PostgreSQL operator class when not the default ({@code gin_trgm_ops}), or null
 * @param prefixLength MySQL prefix length ({@code name(10)}), or null
 */
public record IndexPart(String column, String expression, boolean descending, String opclass, Integer prefixLength) {
    public static IndexPart column(String name) {
        return new IndexPart(name, null, false, null, null);
    }

    public static IndexPart expression(String expr) {
        return new IndexPart(null, expr, false, null, null);
    }
}

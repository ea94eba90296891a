package io.strata.dialect.postgres;

import io.strata.model.ColumnType;
import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.StringKind;
import io.strata.model.ColumnType.StringType;
import io.strata.model.ColumnType.TemporalType;
import io.strata.model.ColumnTypes;
import io.strata.model.ValueFit;

import java.util.Objects;

/**
 * PostgresTypeChange classifies a column type change: whether every old value fits the new type
 * (widening, as {@link ValueFit} says) and whether PostgreSQL then keeps the stored values as they are
 * (binary-coercible, no rewrite).
 */
record PostgresTypeChange(boolean binaryCoercible, boolean widening) {

    static PostgresTypeChange of(ColumnType from, ColumnType to) {
        boolean widening = ValueFit.of(ColumnTypes.POSTGRES, from, to).lossless();
        return new PostgresTypeChange(widening && sameStorage(from, to), widening);
    }

    /**
     * Whether both types store a value in the same bytes, so that a widening only updates the catalog:
     * varchar and text (char pads, so changing to or from it rewrites), numeric at the same scale or
     * unconstrained, and a date or time type at another precision.
     */
    private static boolean sameStorage(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from instanceof StringType a && to instanceof StringType b) {
            return a.kind() != StringKind.CHAR && b.kind() != StringKind.CHAR;
        }
        if (from instanceof DecimalType a && to instanceof DecimalType b) {
            return b.precision() == null || Objects.equals(a.scale(), b.scale());
        }
        return from instanceof TemporalType a && to instanceof TemporalType b && a.name().equals(b.name());
    }
}

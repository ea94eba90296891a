package io.strata.dialect.postgres;

import io.strata.model.ColumnType;
import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.FloatType;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.StringKind;
import io.strata.model.ColumnType.StringType;
import io.strata.model.ColumnType.TemporalType;

/**
 * PostgresTypeChange classifies a column type change: whether PostgreSQL keeps the stored values as they
 * are (binary-coercible, no rewrite) and whether every old value fits the new type (widening).
 */
record PostgresTypeChange(boolean binaryCoercible, boolean widening) {

    static PostgresTypeChange of(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return new PostgresTypeChange(true, true);
        }
        if (from instanceof StringType a && to instanceof StringType b) {
            return strings(a, b);
        }
        if (from instanceof DecimalType a && to instanceof DecimalType b) {
            return decimals(a, b);
        }
        if (from instanceof IntegerType a && to instanceof IntegerType b) {
            return new PostgresTypeChange(false, b.bytes() >= a.bytes());
        }
        if (from instanceof IntegerType a && to instanceof DecimalType b) {
            // Every integer fits when the numeric keeps as many digits before the point as the widest value has.
            int integerDigits = b.precision() == null ? Integer.MAX_VALUE : b.precision() - (b.scale() == null ? 0 : b.scale());
            return new PostgresTypeChange(false, integerDigits >= digits(a.bytes()));
        }
        if (from instanceof FloatType a && to instanceof FloatType b) {
            return new PostgresTypeChange(false, b.bytes() >= a.bytes());
        }
        if (from instanceof TemporalType a && to instanceof TemporalType b && a.kind() == b.kind()
                && a.withTimeZone() == b.withTimeZone()) {
            boolean wider = b.precision() == null || (a.precision() != null && b.precision() >= a.precision());
            return new PostgresTypeChange(wider, wider);
        }
        // Any value prints as text, so text holds whatever the column held.
        if (to instanceof StringType b && b.kind() == StringKind.TEXT) {
            return new PostgresTypeChange(false, true);
        }
        return new PostgresTypeChange(false, false);
    }

    /** Decimal digits of the widest value of a signed integer of {@code bytes} bytes (32767, 2147483647, ...). */
    private static int digits(int bytes) {
        return switch (bytes) {
            case 2 -> 5;
            case 4 -> 10;
            default -> 19;
        };
    }

    /**
     * varchar(n) to varchar(m >= n) or text, and text to varchar unbounded, keep the bytes; char(n) pads,
     * so changing to or from it rewrites.
     */
    private static PostgresTypeChange strings(StringType a, StringType b) {
        boolean wider = b.length() == null || (a.length() != null && b.length() >= a.length());
        boolean sameStorage = a.kind() != StringKind.CHAR && b.kind() != StringKind.CHAR;
        return new PostgresTypeChange(sameStorage && wider, wider);
    }

    /** numeric(p,s) to numeric(q >= p, s) or unconstrained numeric keeps the stored values. */
    private static PostgresTypeChange decimals(DecimalType a, DecimalType b) {
        if (b.precision() == null) {
            return new PostgresTypeChange(true, true);
        }
        if (a.precision() == null) {
            return new PostgresTypeChange(false, false);
        }
        int aScale = a.scale() == null ? 0 : a.scale();
        int bScale = b.scale() == null ? 0 : b.scale();
        boolean sameScale = aScale == bScale && b.precision() >= a.precision();
        boolean wider = bScale >= aScale && b.precision() - bScale >= a.precision() - aScale;
        return new PostgresTypeChange(sameScale, wider);
    }
}

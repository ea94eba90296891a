package io.strata.plan.lint;

import io.strata.model.ColumnType;
import io.strata.model.ColumnType.BinaryType;
import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.EnumValues;
import io.strata.model.ColumnType.FloatType;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.StringKind;
import io.strata.model.ColumnType.StringType;
import io.strata.model.ColumnType.TemporalKind;
import io.strata.model.ColumnType.TemporalType;

/**
 * TypeNarrowing tells what a column type change can do to the values already stored: nothing, fail on
 * the values that no longer fit, or silently round or cut them. Lint keeps its own comparison because
 * the plan layer must not depend on the compatibility rules.
 */
enum TypeNarrowing {
    /** Every old value converts exactly. */
    NONE,
    /** Some old values may not fit: the statement fails on them. */
    MAY_FAIL,
    /** Old values are converted with loss (rounded fractions, dropped time of day) without an error. */
    LOSSY;

    static TypeNarrowing of(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return NONE;
        }
        if (to instanceof StringType s && (s.kind() == StringKind.TEXT || s.length() == null)) {
            return NONE;
        }
        if (from instanceof StringType a && to instanceof StringType b) {
            return shorter(a.length(), b.length()) ? MAY_FAIL : NONE;
        }
        if (from instanceof BinaryType a && to instanceof BinaryType b) {
            return shorter(a.length(), b.length()) ? MAY_FAIL : NONE;
        }
        if (from instanceof IntegerType a && to instanceof IntegerType b) {
            return b.bytes() < a.bytes() || a.unsigned() != b.unsigned() ? MAY_FAIL : NONE;
        }
        if (from instanceof IntegerType && to instanceof DecimalType b) {
            // 20 digits hold every 8-byte integer, signed or not.
            return b.precision() != null && b.precision() - scale(b) < 20 ? MAY_FAIL : NONE;
        }
        if (from instanceof IntegerType && to instanceof FloatType) {
            return NONE;
        }
        if (from instanceof DecimalType a && to instanceof DecimalType b) {
            return decimal(a, b);
        }
        if (from instanceof DecimalType && to instanceof FloatType) {
            return LOSSY;
        }
        if (from instanceof FloatType a && to instanceof FloatType b) {
            return b.bytes() < a.bytes() ? LOSSY : NONE;
        }
        if (from instanceof TemporalType a && to instanceof TemporalType b) {
            return temporal(a, b);
        }
        if (from instanceof EnumValues a && to instanceof EnumValues b) {
            return b.values().containsAll(a.values()) ? NONE : MAY_FAIL;
        }
        // Any other conversion parses the old values as the new type: some may not parse.
        return MAY_FAIL;
    }

    private static boolean shorter(Integer from, Integer to) {
        return to != null && (from == null || to < from);
    }

    private static int scale(DecimalType t) {
        return t.scale() == null ? 0 : t.scale();
    }

    private static TypeNarrowing decimal(DecimalType a, DecimalType b) {
        if (b.precision() == null) {
            return NONE;
        }
        if (a.precision() == null || b.precision() - scale(b) < a.precision() - scale(a)) {
            return MAY_FAIL;
        }
        return scale(b) < scale(a) ? LOSSY : NONE;
    }

    private static TypeNarrowing temporal(TemporalType a, TemporalType b) {
        if (a.kind() == TemporalKind.TIMESTAMP && (b.kind() == TemporalKind.DATE || b.kind() == TemporalKind.TIME)) {
            return LOSSY;
        }
        if (a.kind() != b.kind()) {
            return a.kind() == TemporalKind.DATE && b.kind() == TemporalKind.TIMESTAMP ? NONE : MAY_FAIL;
        }
        return b.precision() != null && (a.precision() == null || b.precision() < a.precision()) ? LOSSY : NONE;
    }
}

package io.strata.migrate;

import io.strata.dialect.DataCheckSql;
import io.strata.model.ColumnType;
import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.FloatType;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.StringType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * TypeFitPredicate writes the condition under which a stored value of one column type does not fit another: too
 * long for a bounded string, outside an integer's range or a decimal's precision, or text that does not read as a
 * number, or text that does not read as a date, a timestamp, a boolean or a uuid (asked of the dialect's
 * {@link io.strata.dialect.InputCheck}). It is asked only for conversions {@link io.strata.model.ValueFit} says may
 * refuse values; a conversion it cannot judge exactly has no predicate and is not checked.
 */
final class TypeFitPredicate {

    /** An integer in text, as both servers' casts accept it (surrounding blanks allowed). */
    private static final String INTEGER = "^[[:space:]]*[-+]?[0-9]+[[:space:]]*$";
    /** A decimal number in text, with an optional exponent. */
    private static final String NUMBER = "^[[:space:]]*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?[[:space:]]*$";

    private TypeFitPredicate() {
    }

    /** The SQL condition, over {@code column}, that holds for the values of {@code from} that {@code to} refuses. */
    static Optional<String> refused(DataCheckSql sql, String column, ColumnType from, ColumnType to) {
        boolean fromText = from instanceof StringType;
        boolean fromNumber = from instanceof IntegerType || from instanceof DecimalType || from instanceof FloatType;
        if (to instanceof StringType s && s.length() != null) {
            return Optional.of("char_length(" + sql.asText(column) + ") > " + s.length());
        }
        if (to instanceof IntegerType i) {
            String range = outside(fromText ? sql.asDecimal(column) : column, min(i), max(i));
            return fromText ? Optional.of(unlessParsed(sql, column, INTEGER, range))
                    : fromNumber ? Optional.of(range) : Optional.empty();
        }
        if (to instanceof DecimalType d) {
            String number = fromText ? sql.asDecimal(column) : column;
            String range = d.precision() == null ? null : "abs(round(" + number + ", " + scale(d) + ")) >= "
                    + BigDecimal.TEN.pow(d.precision() - scale(d)).toPlainString();
            if (d.unsigned()) {
                range = (range == null ? "" : range + " OR ") + number + " < 0";
            }
            if (fromText) {
                return Optional.of(unlessParsed(sql, column, NUMBER, range == null ? "1 = 0" : range));
            }
            return fromNumber && range != null ? Optional.of(range) : Optional.empty();
        }
        if (to instanceof FloatType && fromText) {
            return Optional.of(sql.notMatching(column, NUMBER));
        }
        if (parses(from, to)) {
            return sql.inputs().refused(sql.asText(column), to).map(r -> column + " IS NOT NULL AND " + r);
        }
        if (to instanceof ColumnType.EnumValues e && !e.isSet() && !e.values().isEmpty()) {
            return Optional.of(notAmong(sql, column, e.values()));
        }
        return Optional.empty();
    }

    /** Whether {@code from} to {@code to} reads text as a date, a time, a boolean or a uuid, which the dialect judges. */
    static boolean parses(ColumnType from, ColumnType to) {
        return from instanceof StringType && (to instanceof ColumnType.TemporalType || to instanceof ColumnType.BooleanType
                || to instanceof ColumnType.UuidType);
    }

    /** Text that does not parse as {@code regex}, or that parses and then is refused by {@code range}. */
    private static String unlessParsed(DataCheckSql sql, String column, String regex, String range) {
        // CASE, not OR: the server may evaluate either side of an OR first, and the cast fails on what does not parse.
        return "CASE WHEN " + sql.notMatching(column, regex) + " THEN 1 = 1 ELSE " + range + " END";
    }

    /** A value whose text is none of {@code values}: what an enum without it refuses. */
    static String notAmong(DataCheckSql sql, String column, java.util.List<String> values) {
        return sql.asText(column) + " NOT IN (" + String.join(", ", values.stream().map(sql.quoter()::literal).toList()) + ")";
    }

    private static String outside(String number, BigInteger min, BigInteger max) {
        return "(" + number + " < " + min + " OR " + number + " > " + max + ")";
    }

    private static int scale(DecimalType d) {
        return d.scale() == null ? 0 : d.scale();
    }

    private static BigInteger min(IntegerType i) {
        return i.unsigned() ? BigInteger.ZERO : BigInteger.TWO.pow(i.bytes() * 8 - 1).negate();
    }

    private static BigInteger max(IntegerType i) {
        return i.unsigned() ? BigInteger.TWO.pow(i.bytes() * 8).subtract(BigInteger.ONE)
                : BigInteger.TWO.pow(i.bytes() * 8 - 1).subtract(BigInteger.ONE);
    }
}

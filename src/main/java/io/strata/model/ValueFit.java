package io.strata.model;

import io.strata.model.ColumnType.ArrayType;

/**
 * A ValueFit is the answer to "does every value of column type A fit column type B" in one dialect: what
 * converting the stored values of A to B does to them ({@link Fit}) and whether readers see the converted
 * values as before ({@link Reading}). It is the one value relation that the compatibility rules, lint and
 * both planners ask; what an ALTER costs physically (a rewrite, a MySQL ALGORITHM) stays with each dialect,
 * which asks this for the value part.
 *
 * <p>The dialect facts that decide a fit live in {@code ValueDomain}: MySQL's boolean is {@code tinyint(1)};
 * MySQL's TEXT types are bounded in bytes; MySQL's TIMESTAMP covers 1970 to 2038; an unwritten
 * fractional-second precision is 6 in PostgreSQL and 0 in MySQL.
 *
 * @param fit     what converting does to the values of A
 * @param reading how readers see the values that convert
 */
public record ValueFit(Fit fit, Reading reading) {

    /** What converting the stored values of A to B does to them. */
    public enum Fit {
        /** Every value of A converts to B unchanged. */
        FITS,
        /** Every value converts without an error, but some lose digits, fractional seconds or the time of day. */
        ROUNDS,
        /**
         * Some values of A lie outside B (too long, too large, negative for an unsigned type, not a member,
         * not parseable, outside MySQL TIMESTAMP's years): the conversion fails on them, or cuts them where the
         * server is lax (MySQL without strict mode). The others convert unchanged.
         */
        REFUSES,
        /** Some values are refused, as for {@link #REFUSES}, and some others rounded, as for {@link #ROUNDS}. */
        ROUNDS_OR_REFUSES
    }

    /** How readers see the values that convert. */
    public enum Reading {
        /** As before: the same values, printed, compared and sorted alike. */
        SAME,
        /** The same values, but padded, printed, compared or sorted differently (char and varchar, json and jsonb, an enum and text). */
        RESTYLED,
        /**
         * A date or time moves between zoned and zone-less storage: each value is reinterpreted in the session
         * time zone, so it shifts by the zone offset for any client in another zone.
         */
        REZONED,
        /**
         * A and B hold different kinds of value (numbers and text, dates and booleans, arrays and scalars,
         * different enum types, types known only by name): B holds A's values printed or parsed, if at all.
         */
        RETYPED
    }

    /**
     * What converting a column of type {@code from} to {@code to} does to its values in {@code dialect}
     * ({@link ColumnTypes#MYSQL}; any other name is judged as {@link ColumnTypes#POSTGRES}).
     */
    public static ValueFit of(String dialect, ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return new ValueFit(Fit.FITS, Reading.SAME);
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return of(dialect, a.element(), b.element());
        }
        boolean mysql = ColumnTypes.MYSQL.equalsIgnoreCase(dialect);
        return ValueConversion.of(ValueDomain.of(mysql, from), ValueDomain.of(mysql, to));
    }

    /** Whether every value of A is a value of B: none is refused, rounded or shifted by a time zone. */
    public boolean lossless() {
        return fit == Fit.FITS && reading != Reading.REZONED;
    }

    /** Whether the conversion can fail on (or, where the server is lax, cut) some stored values. */
    public boolean refuses() {
        return fit == Fit.REFUSES || fit == Fit.ROUNDS_OR_REFUSES;
    }

    /** Whether some values convert without an error but come out different: rounded, cut or shifted by a zone offset. */
    public boolean changesSilently() {
        return fit == Fit.ROUNDS || fit == Fit.ROUNDS_OR_REFUSES || reading == Reading.REZONED;
    }
}

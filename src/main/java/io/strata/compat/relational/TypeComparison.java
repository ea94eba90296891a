package io.strata.compat.relational;

import io.strata.model.ColumnType;
import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.BinaryType;
import io.strata.model.ColumnType.BooleanType;
import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.EnumRef;
import io.strata.model.ColumnType.EnumValues;
import io.strata.model.ColumnType.FloatType;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.JsonType;
import io.strata.model.ColumnType.OtherType;
import io.strata.model.ColumnType.StringKind;
import io.strata.model.ColumnType.StringType;
import io.strata.model.ColumnType.TemporalKind;
import io.strata.model.ColumnType.TemporalType;
import io.strata.model.ColumnType.UuidType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TypeComparison is the one place that decides how a column's type change relates the old and new sets of
 * storable values: the same, wider, narrower, overlapping, a time-zone reinterpretation, or unrelated.
 * It maps each type to a value domain (a numeric range with a scale, a bounded string, a temporal kind
 * with precision...) and asks, in both directions, whether one domain holds every value of the other.
 *
 * <p>Per-dialect facts live here too: MySQL's boolean is {@code tinyint(1)}; MySQL's TEXT family is bounded
 * in bytes, so its guaranteed capacity in characters is a quarter of that (utf8mb4); the fractional-second
 * precision a temporal type gets when none is written is 6 in PostgreSQL and 0 in MySQL.
 */
public final class TypeComparison {

    /** How the new type's values relate to the old type's. */
    public enum Relation {
        /** Both types hold exactly the same values. */
        SAME,
        /** The new type holds every old value, and more. */
        WIDENED,
        /** The old type holds every new value, and more: some old values no longer fit. */
        NARROWED,
        /** Related types (both numbers, both strings...) where neither holds every value of the other. */
        RANGE_CHANGED,
        /** A date or time moves between zoned and zone-less storage: stored instants are reinterpreted. */
        TIME_ZONE_CHANGED,
        /** Unrelated types: numbers to strings, dates to booleans, arrays to scalars, unknown types. */
        INCOMPATIBLE
    }

    /**
     * The comparison of two types.
     *
     * @param relation              how the value sets relate
     * @param representationChanged whether kept values pad, print, compare or sort differently (char vs
     *                              varchar, json vs jsonb, enum order vs text order)
     */
    public record Delta(Relation relation, boolean representationChanged) {
    }

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final int UUID_TEXT_LENGTH = 36;
    /** PostgreSQL enum labels are at most NAMEDATALEN - 1 bytes long. */
    private static final int PG_ENUM_LABEL_LENGTH = 63;
    private static final int MYSQL_MAX_BYTES_PER_CHAR = 4;

    private TypeComparison() {
    }

    /** Compares {@code from} (old schema) with {@code to} (new schema) in {@code dialect}. */
    public static Delta compare(String dialect, ColumnType from, ColumnType to) {
        boolean mysql = RelationalRules.isMySql(dialect);
        if (from.equals(to)) {
            return new Delta(Relation.SAME, false);
        }
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            return compare(dialect, a.element(), b.element());
        }
        if (from instanceof OtherType || to instanceof OtherType) {
            return new Delta(normalized(from).equals(normalized(to)) ? Relation.SAME : Relation.INCOMPATIBLE, false);
        }
        if (from instanceof EnumRef && to instanceof EnumRef) {
            // Two different enum types: labels need not match, and casts name the type.
            return new Delta(Relation.INCOMPATIBLE, false);
        }
        Domain f = domain(mysql, from);
        Domain t = domain(mysql, to);
        if (f == null || t == null || f.family() != t.family()) {
            return new Delta(Relation.INCOMPATIBLE, false);
        }
        if (f instanceof Temporal a && t instanceof Temporal b) {
            if (!Temporal.related(a, b)) {
                return new Delta(Relation.INCOMPATIBLE, false);
            }
            if (a.zoned() != b.zoned()) {
                return new Delta(Relation.TIME_ZONE_CHANGED, false);
            }
        }
        boolean widens = contains(t, f);
        boolean narrows = contains(f, t);
        Relation relation = widens && narrows ? Relation.SAME
                : widens ? Relation.WIDENED
                : narrows ? Relation.NARROWED
                : Relation.RANGE_CHANGED;
        return new Delta(relation, representationChanged(f, t));
    }

    private static String normalized(ColumnType type) {
        return type.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    // ---- domains

    private enum Family { NUMBER, STRING, BINARY, TEMPORAL, BOOLEAN, SET }

    /** The set of values a type can store, as far as compatibility cares. */
    private sealed interface Domain {
        Family family();
    }

    /**
     * Numbers: an exact range with a scale (null bounds are unbounded), or an approximate float with
     * {@code mantissaBits} of precision.
     */
    private record Numeric(BigDecimal min, BigDecimal max, Integer scale, int mantissaBits, boolean unsigned)
            implements Domain {
        public Family family() {
            return Family.NUMBER;
        }

        boolean approximate() {
            return mantissaBits > 0;
        }
    }

    /** Any string up to {@code maxChars} characters (null: unbounded); {@code padded} for blank-padded CHAR. */
    private record Text(Integer maxChars, boolean padded) implements Domain {
        public Family family() {
            return Family.STRING;
        }
    }

    /** JSON documents, a subset of unbounded text. */
    private record Json(boolean binary) implements Domain {
        public Family family() {
            return Family.STRING;
        }
    }

    /** UUIDs, a subset of 36-character text. */
    private record Uuid() implements Domain {
        public Family family() {
            return Family.STRING;
        }
    }

    /** MySQL ENUM members, or a PostgreSQL enum type ({@code members} null: labels unknown here); sorted by position. */
    private record Members(List<String> members) implements Domain {
        public Family family() {
            return Family.STRING;
        }
    }

    private record Binary(Integer maxBytes, boolean padded) implements Domain {
        public Family family() {
            return Family.BINARY;
        }
    }

    private record Temporal(TemporalKind kind, boolean zoned, int precision) implements Domain {
        public Family family() {
            return Family.TEMPORAL;
        }

        /** Same kind, or a date and a timestamp (a date is a timestamp at midnight). */
        static boolean related(Temporal a, Temporal b) {
            Set<TemporalKind> dates = Set.of(TemporalKind.DATE, TemporalKind.TIMESTAMP);
            return a.kind == b.kind || dates.contains(a.kind) && dates.contains(b.kind);
        }
    }

    private record Bool() implements Domain {
        public Family family() {
            return Family.BOOLEAN;
        }
    }

    /** MySQL SET: any combination of the members, stored as a bit mask. */
    private record SetOf(List<String> members) implements Domain {
        public Family family() {
            return Family.SET;
        }
    }

    /** The domain of {@code type}, or null for types that only compare by text. */
    private static Domain domain(boolean mysql, ColumnType type) {
        if (type instanceof IntegerType i) {
            return integer(i.bytes(), i.unsigned());
        }
        if (type instanceof DecimalType d) {
            return decimal(d);
        }
        if (type instanceof FloatType fl) {
            return new Numeric(null, null, null, fl.bytes() >= 8 ? 53 : 24, fl.unsigned());
        }
        if (type instanceof StringType s) {
            return new Text(characters(mysql, s), s.kind() == StringKind.CHAR);
        }
        if (type instanceof BinaryType b) {
            return new Binary(b.length(), b.fixed());
        }
        if (type instanceof BooleanType) {
            // MySQL's BOOLEAN is tinyint(1): any tinyint value fits.
            return mysql ? integer(1, false) : new Bool();
        }
        if (type instanceof TemporalType t) {
            return new Temporal(t.kind(), t.withTimeZone(), precision(mysql, t));
        }
        if (type instanceof JsonType j) {
            return new Json(j.binary());
        }
        if (type instanceof UuidType) {
            return new Uuid();
        }
        if (type instanceof EnumValues e) {
            return e.isSet() ? new SetOf(e.values()) : new Members(e.values());
        }
        if (type instanceof EnumRef r) {
            return new Members(null);
        }
        return null;
    }

    private static Numeric integer(int bytes, boolean unsigned) {
        int bits = bytes * 8;
        if (unsigned) {
            return new Numeric(BigDecimal.ZERO, TWO.pow(bits).subtract(BigDecimal.ONE), 0, 0, true);
        }
        BigDecimal half = TWO.pow(bits - 1);
        return new Numeric(half.negate(), half.subtract(BigDecimal.ONE), 0, 0, false);
    }

    private static Numeric decimal(DecimalType d) {
        if (d.precision() == null) {
            return new Numeric(d.unsigned() ? BigDecimal.ZERO : null, null, null, 0, d.unsigned());
        }
        int scale = d.scale() == null ? 0 : d.scale();
        BigDecimal max = BigDecimal.TEN.pow(d.precision() - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
        return new Numeric(d.unsigned() ? BigDecimal.ZERO : max.negate(), max, scale, 0, d.unsigned());
    }

    /** Guaranteed capacity in characters; MySQL TEXT types are bounded in bytes. */
    private static Integer characters(boolean mysql, StringType s) {
        if (s.length() == null) {
            return null;
        }
        return mysql && s.kind() == StringKind.TEXT ? s.length() / MYSQL_MAX_BYTES_PER_CHAR : s.length();
    }

    private static int precision(boolean mysql, TemporalType t) {
        if (t.kind() == TemporalKind.DATE || t.kind() == TemporalKind.YEAR) {
            return 0;
        }
        if (t.precision() != null) {
            return t.precision();
        }
        return mysql ? 0 : 6;
    }

    // ---- containment: does domain a hold every value of domain b?

    private static boolean contains(Domain a, Domain b) {
        if (a instanceof Numeric x && b instanceof Numeric y) {
            return containsNumber(x, y);
        }
        if (a instanceof Binary x && b instanceof Binary y) {
            return atLeast(x.maxBytes(), y.maxBytes());
        }
        if (a instanceof Temporal x && b instanceof Temporal y) {
            if (x.kind() != y.kind()) {
                return x.kind() == TemporalKind.TIMESTAMP;
            }
            return x.precision() >= y.precision();
        }
        if (a instanceof SetOf x && b instanceof SetOf y) {
            return x.members().containsAll(y.members());
        }
        if (a instanceof Bool && b instanceof Bool) {
            return true;
        }
        return containsString(a, b);
    }

    private static boolean containsNumber(Numeric a, Numeric b) {
        if (a.approximate() && b.approximate()) {
            return a.mantissaBits() >= b.mantissaBits() && (!a.unsigned() || b.unsigned());
        }
        if (b.approximate()) {
            return false;
        }
        if (a.approximate()) {
            // A float holds an integer range exactly while its magnitude fits the mantissa.
            if (b.scale() == null || b.scale() != 0 || b.min() == null || b.max() == null) {
                return false;
            }
            BigDecimal limit = TWO.pow(a.mantissaBits());
            return b.min().abs().compareTo(limit) <= 0 && b.max().abs().compareTo(limit) <= 0
                    && (!a.unsigned() || b.min().signum() >= 0);
        }
        boolean minOk = a.min() == null || b.min() != null && a.min().compareTo(b.min()) <= 0;
        boolean maxOk = a.max() == null || b.max() != null && a.max().compareTo(b.max()) >= 0;
        boolean scaleOk = a.scale() == null || b.scale() != null && a.scale() >= b.scale();
        return minOk && maxOk && scaleOk;
    }

    private static boolean containsString(Domain a, Domain b) {
        if (a instanceof Text x) {
            return atLeast(x.maxChars(), longest(b));
        }
        if (a instanceof Json && b instanceof Json) {
            return true;
        }
        if (a instanceof Uuid && b instanceof Uuid) {
            return true;
        }
        if (a instanceof Members x && b instanceof Members y) {
            return x.members() != null && y.members() != null && x.members().containsAll(y.members());
        }
        return false;
    }

    /** The longest string of a string domain, or null when unbounded. */
    private static Integer longest(Domain d) {
        if (d instanceof Text t) {
            return t.maxChars();
        }
        if (d instanceof Uuid) {
            return UUID_TEXT_LENGTH;
        }
        if (d instanceof Members m) {
            return m.members() == null ? PG_ENUM_LABEL_LENGTH
                    : m.members().stream().mapToInt(String::length).max().orElse(0);
        }
        return null;
    }

    /** Whether capacity {@code a} is at least {@code b}; null is unbounded. */
    private static boolean atLeast(Integer a, Integer b) {
        return a == null || b != null && a >= b;
    }

    private static boolean representationChanged(Domain f, Domain t) {
        if (f instanceof Binary a && t instanceof Binary b) {
            return a.padded() != b.padded();
        }
        if (f instanceof Json a && t instanceof Json b) {
            return a.binary() != b.binary();
        }
        if (f.family() == Family.STRING) {
            return padded(f) != padded(t) || (f instanceof Members) != (t instanceof Members);
        }
        return false;
    }

    private static boolean padded(Domain d) {
        return d instanceof Text t && t.padded();
    }
}

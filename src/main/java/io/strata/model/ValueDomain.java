package io.strata.model;

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

/**
 * A ValueDomain is the set of values a column type can store, as far as converting them cares: a numeric
 * range with a scale, strings up to a length, a temporal kind with a precision... {@link ValueConversion}
 * compares two of them.
 */
sealed interface ValueDomain {

    /** Kinds of value: converting between two families prints or parses, it never keeps a value as it is. */
    enum Family { NUMBER, STRING, BINARY, TEMPORAL, BOOLEAN, SET, OPAQUE }

    Family family();

    /** The most characters a value takes printed as text, or null when unbounded or unknown. */
    Integer longestText();

    BigDecimal TWO = BigDecimal.valueOf(2);
    int UUID_TEXT_LENGTH = 36;
    /** PostgreSQL enum labels are at most NAMEDATALEN - 1 bytes long. */
    int PG_ENUM_LABEL_LENGTH = 63;
    /** utf8mb4, the widest MySQL character set: a column's character set is not part of its type, so the worst counts. */
    int MYSQL_MAX_BYTES_PER_CHAR = 4;
    /** MySQL's LONGTEXT and LONGBLOB parse to this length: they hold more than max_allowed_packet (1 GiB at most) lets in. */
    int MYSQL_LONG_LENGTH = Integer.MAX_VALUE;
    /** More than any server prints a date, time or timestamp in, in any of its date styles, zones and eras. */
    int TEMPORAL_TEXT_LENGTH = 64;

    /**
     * Numbers: an exact range with a scale (null bounds and scale are unbounded), or an approximate float with
     * {@code mantissaBits} of precision.
     */
    record Numeric(BigDecimal min, BigDecimal max, Integer scale, int mantissaBits, boolean unsigned) implements ValueDomain {
        public Family family() {
            return Family.NUMBER;
        }

        boolean approximate() {
            return mantissaBits > 0;
        }

        boolean negatives() {
            return approximate() ? !unsigned : min == null || min.signum() < 0;
        }

        public Integer longestText() {
            if (approximate()) {
                // -1.7976931348623157e+308 and -1.17549435e-38, the longest shortest-exact forms.
                return mantissaBits > 24 ? 24 : 15;
            }
            return max == null ? null : Math.max(min.toPlainString().length(), max.toPlainString().length());
        }
    }

    /**
     * Strings: a value of the type is at most {@code longest} characters, and the type takes any string of up to
     * {@code capacity} characters (null: unbounded). They differ for MySQL's TEXT types, bounded in bytes:
     * they hold that many one-byte characters, but guarantee only a quarter of it (utf8mb4).
     * {@code padded} for blank-padded CHAR.
     */
    record Text(Integer longest, Integer capacity, boolean padded) implements ValueDomain {
        public Family family() {
            return Family.STRING;
        }

        public Integer longestText() {
            return longest;
        }
    }

    /** JSON documents, a subset of unbounded text; {@code binary} for jsonb, which reorders keys and drops duplicates. */
    record Json(boolean binary) implements ValueDomain {
        public Family family() {
            return Family.STRING;
        }

        public Integer longestText() {
            return null;
        }
    }

    /** UUIDs, a subset of 36-character text. */
    record Uuid() implements ValueDomain {
        public Family family() {
            return Family.STRING;
        }

        public Integer longestText() {
            return UUID_TEXT_LENGTH;
        }
    }

    /**
     * Enum members, sorted by position: a MySQL ENUM ({@code type} null), or a PostgreSQL enum type named
     * {@code type} whose labels are not known here ({@code members} null).
     */
    record Members(String type, List<String> members) implements ValueDomain {
        public Family family() {
            return Family.STRING;
        }

        public Integer longestText() {
            return members == null ? PG_ENUM_LABEL_LENGTH : members.stream().mapToInt(String::length).max().orElse(0);
        }
    }

    /**
     * Byte strings of up to {@code capacity} bytes (null: unbounded); {@code padded} for fixed BINARY;
     * {@code hexText} when the bytes print as hex (PostgreSQL bytea) rather than being read in a character set,
     * where some byte sequences are not text (MySQL).
     */
    record Binary(Integer capacity, boolean padded, boolean hexText) implements ValueDomain {
        public Family family() {
            return Family.BINARY;
        }

        public Integer longestText() {
            return null;
        }
    }

    /**
     * Dates and times of a kind, with {@code precision} fractional-second digits; {@code epochRange} for MySQL's
     * TIMESTAMP, which only covers 1970 to 2038.
     */
    record Temporal(TemporalKind kind, boolean zoned, int precision, boolean epochRange) implements ValueDomain {
        public Family family() {
            return Family.TEMPORAL;
        }

        /** Same kind, or a date and a timestamp (a date is a timestamp at midnight). */
        boolean relatedTo(Temporal other) {
            return kind == other.kind || dateOrTimestamp() && other.dateOrTimestamp();
        }

        private boolean dateOrTimestamp() {
            return kind == TemporalKind.DATE || kind == TemporalKind.TIMESTAMP;
        }

        public Integer longestText() {
            return kind == TemporalKind.YEAR ? 4 : kind == TemporalKind.INTERVAL ? null : TEMPORAL_TEXT_LENGTH;
        }
    }

    /** PostgreSQL's boolean. */
    record Bool() implements ValueDomain {
        public Family family() {
            return Family.BOOLEAN;
        }

        public Integer longestText() {
            return "false".length();
        }
    }

    /** A MySQL SET: any combination of the members, printed comma-separated. */
    record SetOf(List<String> members) implements ValueDomain {
        public Family family() {
            return Family.SET;
        }

        public Integer longestText() {
            return members.stream().mapToInt(String::length).sum() + Math.max(0, members.size() - 1);
        }
    }

    /** A type Strata does not model (a domain, citext, inet, PostGIS...) or an array next to a scalar: known by its text only. */
    record Opaque(String text) implements ValueDomain {
        public Family family() {
            return Family.OPAQUE;
        }

        public Integer longestText() {
            return null;
        }
    }

    /** The domain of {@code type} in MySQL ({@code mysql}) or PostgreSQL. */
    static ValueDomain of(boolean mysql, ColumnType type) {
        if (type instanceof IntegerType i) {
            return integer(i.bytes(), i.unsigned());
        }
        if (type instanceof DecimalType d) {
            return decimal(d);
        }
        if (type instanceof FloatType f) {
            return new Numeric(null, null, null, f.bytes() >= 8 ? 53 : 24, f.unsigned());
        }
        if (type instanceof StringType s) {
            return text(mysql, s);
        }
        if (type instanceof BinaryType b) {
            Integer capacity = b.length() == null || b.length() == MYSQL_LONG_LENGTH ? null : b.length();
            return new Binary(capacity, b.fixed(), !mysql);
        }
        if (type instanceof BooleanType) {
            // MySQL's BOOLEAN is tinyint(1): any tinyint value fits.
            return mysql ? integer(1, false) : new Bool();
        }
        if (type instanceof TemporalType t) {
            return new Temporal(t.kind(), t.withTimeZone(), precision(mysql, t),
                    mysql && t.kind() == TemporalKind.TIMESTAMP && t.withTimeZone());
        }
        if (type instanceof JsonType j) {
            return new Json(j.binary());
        }
        if (type instanceof UuidType) {
            return new Uuid();
        }
        if (type instanceof EnumValues e) {
            return e.isSet() ? new SetOf(e.values()) : new Members(null, e.values());
        }
        if (type instanceof EnumRef r) {
            return new Members(r.sql(), null);
        }
        if (type instanceof OtherType || type instanceof ArrayType) {
            return new Opaque(type.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim());
        }
        throw new IllegalArgumentException("no value domain for " + type);
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

    private static Text text(boolean mysql, StringType s) {
        boolean padded = s.kind() == StringKind.CHAR;
        if (s.length() == null || mysql && s.length() == MYSQL_LONG_LENGTH) {
            return new Text(null, null, padded);
        }
        if (mysql && s.kind() == StringKind.TEXT) {
            return new Text(s.length(), s.length() / MYSQL_MAX_BYTES_PER_CHAR, false);
        }
        return new Text(s.length(), s.length(), padded);
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
}

package io.strata.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A ColumnType is the type of a column, structured enough to tell widening from narrowing.
 * Every variant keeps the dialect's canonical base name ({@code integer}, {@code character varying},
 * {@code mediumtext}) and renders itself back with {@link #sql()}; {@link ColumnTypes#parse} is the inverse.
 */
public sealed interface ColumnType {

    /** The dialect's base type name, lower case, without parameters. */
    String name();

    /** The type as DDL writes it in its own dialect: {@code character varying(64)}, {@code int unsigned}. */
    String sql();

    /** Whole numbers of {@code bytes} storage bytes: smallint 2, integer 4, bigint 8, MySQL tinyint 1, mediumint 3. */
    record IntegerType(String name, int bytes, boolean unsigned) implements ColumnType {
        public String sql() {
            return unsigned ? name + " unsigned" : name;
        }
    }

    /** Exact numbers; precision and scale are null when unconstrained (PostgreSQL bare {@code numeric}). */
    record DecimalType(String name, Integer precision, Integer scale, boolean unsigned) implements ColumnType {
        public String sql() {
            String base = precision == null ? name : name + "(" + precision + "," + (scale == null ? 0 : scale) + ")";
            return unsigned ? base + " unsigned" : base;
        }
    }

    /** Approximate numbers: 4 bytes (real, float) or 8 (double precision, double). */
    record FloatType(String name, int bytes, boolean unsigned) implements ColumnType {
        public String sql() {
            return unsigned ? name + " unsigned" : name;
        }
    }

    /** Character strings. {@code length} is the maximum in characters, null when the type is unbounded (text). */
    record StringType(String name, StringKind kind, Integer length) implements ColumnType {
        public String sql() {
            return length == null || kind == StringKind.TEXT ? name : name + "(" + length + ")";
        }
    }

    /** Kinds of {@link StringType}: fixed length, bounded variable length, and long text. */
    enum StringKind { CHAR, VARCHAR, TEXT }

    /** Byte strings: bytea, MySQL binary/varbinary (with length) and the blob family (length is the maximum). */
    record BinaryType(String name, Integer length, boolean fixed) implements ColumnType {
        public String sql() {
            return length == null || name.endsWith("blob") || name.equals("bytea") ? name : name + "(" + length + ")";
        }
    }

    /** True or false (PostgreSQL boolean; MySQL's boolean is {@code tinyint(1)}, an {@link IntegerType}). */
    record BooleanType(String name) implements ColumnType {
        public String sql() {
            return name;
        }
    }

    /**
     * Dates and times. {@code precision} is the fractional-second digits, null when the server default applies.
     * PostgreSQL spells zones into the name ({@code timestamp with time zone}); MySQL's {@code timestamp} is
     * stored in UTC and converted, so it counts as zoned, {@code datetime} does not.
     */
    record TemporalType(String name, TemporalKind kind, boolean withTimeZone, Integer precision) implements ColumnType {
        public String sql() {
            if (precision == null) {
                return name;
            }
            int space = name.indexOf(' ');
            return space < 0 ? name + "(" + precision + ")"
                    : name.substring(0, space) + "(" + precision + ")" + name.substring(space);
        }
    }

    /** Kinds of {@link TemporalType}. */
    enum TemporalKind { DATE, TIME, TIMESTAMP, INTERVAL, YEAR }

    /** JSON documents; {@code binary} for PostgreSQL jsonb. */
    record JsonType(String name, boolean binary) implements ColumnType {
        public String sql() {
            return name;
        }
    }

    /** A UUID. */
    record UuidType(String name) implements ColumnType {
        public String sql() {
            return name;
        }
    }

    /** A reference to a PostgreSQL enum type declared in a schema ({@link EnumType}). */
    record EnumRef(String schema, String name) implements ColumnType {
        public String sql() {
            return schema == null || schema.isEmpty() ? name : schema + "." + name;
        }
    }

    /** MySQL inline {@code ENUM(...)} or {@code SET(...)}: the members belong to the column. */
    record EnumValues(String name, List<String> values) implements ColumnType {
        public EnumValues {
            values = List.copyOf(values);
        }

        public boolean isSet() {
            return name.equals("set");
        }

        public String sql() {
            return name + values.stream().map(v -> "'" + v.replace("'", "''") + "'")
                    .collect(Collectors.joining(",", "(", ")"));
        }
    }

    /** A PostgreSQL array of {@code element}. */
    record ArrayType(ColumnType element) implements ColumnType {
        public String name() {
            return element.name() + "[]";
        }

        public String sql() {
            return element.sql() + "[]";
        }
    }

    /** Any other type (domains, citext, hstore, inet, bit, geometry, money...), compared by its full text. */
    record OtherType(String name) implements ColumnType {
        public String sql() {
            return name;
        }
    }
}

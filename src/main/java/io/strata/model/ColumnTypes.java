package io.strata.model;

import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.BinaryType;
import io.strata.model.ColumnType.BooleanType;
import io.strata.model.ColumnType.DecimalType;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ColumnTypes parses a type as a dialect writes it (catalog output or hand-written DDL, aliases
 * included) into its canonical {@link ColumnType}. Pure text work: the inspectors and the model-file
 * reader share it, so {@code int4}, {@code integer} and {@code INT} end up equal.
 */
public final class ColumnTypes {

    public static final String POSTGRES = "postgres";
    public static final String MYSQL = "mysql";

    private static final Pattern PARAMS = Pattern.compile(
            "^([a-z_][a-z0-9_ .\"]*?)\\s*(?:\\(([^)]*)\\))?\\s*((?:\\s*\\b(?:unsigned|signed|zerofill)\\b)*)$");

    private static final Map<String, String> PG_ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"), Map.entry("serial", "integer"), Map.entry("serial4", "integer"),
            Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("varchar", "character varying"),
            Map.entry("char", "character"), Map.entry("bpchar", "character"), Map.entry("decimal", "numeric"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"), Map.entry("float", "double precision"),
            Map.entry("bool", "boolean"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"), Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"));

    private static final Map<String, String> MYSQL_ALIASES = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("bool", "tinyint"), Map.entry("boolean", "tinyint"),
            Map.entry("dec", "decimal"), Map.entry("numeric", "decimal"), Map.entry("fixed", "decimal"),
            Map.entry("real", "double"), Map.entry("double precision", "double"), Map.entry("character", "char"),
            Map.entry("character varying", "varchar"), Map.entry("int1", "tinyint"), Map.entry("int2", "smallint"),
            Map.entry("int3", "mediumint"), Map.entry("int4", "int"), Map.entry("int8", "bigint"),
            Map.entry("middleint", "mediumint"));

    private static final Map<String, Integer> INT_BYTES = Map.of(
            "tinyint", 1, "smallint", 2, "mediumint", 3, "integer", 4, "int", 4, "bigint", 8);

    private static final Map<String, Integer> MYSQL_TEXT_LENGTHS = Map.of(
            "tinytext", 255, "text", 65_535, "mediumtext", 16_777_215, "longtext", Integer.MAX_VALUE);

    private static final Map<String, Integer> MYSQL_BLOB_LENGTHS = Map.of(
            "tinyblob", 255, "blob", 65_535, "mediumblob", 16_777_215, "longblob", Integer.MAX_VALUE);

    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, ColumnType> POSTGRES_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, ColumnType> MYSQL_CACHE = new ConcurrentHashMap<>();
    private static final Pattern ZONED = Pattern.compile(
            "^(timestamp|time)\\s*(?:\\((\\d+)\\))?\\s*(with|without) time zone$");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private ColumnTypes() {
    }

    /**
     * Parses {@code text} in {@code dialect} ({@link #POSTGRES} or {@link #MYSQL}). Never fails: a type it
     * does not know becomes an {@link OtherType} compared by its text.
     */
    public static ColumnType parse(String dialect, String text) {
        // A schema has few distinct type texts and many columns: parse each text once.
        Map<String, ColumnType> cache = MYSQL.equals(dialect) ? MYSQL_CACHE : POSTGRES_CACHE;
        ColumnType cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        String t = text.trim();
        ColumnType parsed = MYSQL.equals(dialect) ? parseMySql(t) : parsePostgres(t);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(text, parsed);
        }
        return parsed;
    }

    private static ColumnType parsePostgres(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        lower = BLANKS.matcher(lower).replaceAll(" ");
        if (lower.endsWith("[]")) {
            return new ArrayType(parsePostgres(text.substring(0, text.length() - 2)));
        }
        if (lower.startsWith("_") && !lower.contains(".")) {
            return new ArrayType(parsePostgres(text.substring(1)));
        }
        if (lower.contains("\"") || lower.contains(".")) {
            return new OtherType(text);
        }
        // "timestamp(3) with time zone" carries its parameter in the middle.
        Matcher zoned = ZONED.matcher(lower);
        if (zoned.matches()) {
            boolean withZone = zoned.group(3).equals("with");
            Integer precision = zoned.group(2) == null ? null : Integer.valueOf(zoned.group(2));
            TemporalKind kind = zoned.group(1).equals("time") ? TemporalKind.TIME : TemporalKind.TIMESTAMP;
            return new TemporalType(zoned.group(1) + (withZone ? " with" : " without") + " time zone", kind, withZone, precision);
        }
        Matcher m = PARAMS.matcher(lower);
        if (!m.matches() || !m.group(3).isEmpty()) {
            return new OtherType(text);
        }
        String base = PG_ALIASES.getOrDefault(m.group(1).trim(), m.group(1).trim());
        List<Integer> params = numbers(m.group(2));
        if (params == null) {
            return new OtherType(text);
        }
        switch (base) {
            case "smallint", "integer", "bigint" -> {
                return new IntegerType(base, INT_BYTES.get(base), false);
            }
            case "numeric" -> {
                return new DecimalType(base, param(params, 0), params.isEmpty() ? null : paramOr(params, 1, 0), false);
            }
            case "real" -> {
                return new FloatType(base, 4, false);
            }
            case "double precision" -> {
                return new FloatType(base, 8, false);
            }
            case "character varying" -> {
                return new StringType(base, StringKind.VARCHAR, param(params, 0));
            }
            case "character" -> {
                return new StringType(base, StringKind.CHAR, paramOr(params, 0, 1));
            }
            case "text" -> {
                return new StringType(base, StringKind.TEXT, null);
            }
            case "bytea" -> {
                return new BinaryType(base, null, false);
            }
            case "boolean" -> {
                return new BooleanType(base);
            }
            case "date" -> {
                return new TemporalType(base, TemporalKind.DATE, false, null);
            }
            case "timestamp with time zone", "timestamp without time zone", "time with time zone",
                 "time without time zone" -> {
                TemporalKind kind = base.startsWith("timestamp") ? TemporalKind.TIMESTAMP : TemporalKind.TIME;
                return new TemporalType(base, kind, base.contains("with time"), param(params, 0));
            }
            case "interval" -> {
                return new TemporalType(base, TemporalKind.INTERVAL, false, param(params, 0));
            }
            case "json", "jsonb" -> {
                return new JsonType(base, base.equals("jsonb"));
            }
            case "uuid" -> {
                return new UuidType(base);
            }
            default -> {
                return new OtherType(text);
            }
        }
    }

    private static ColumnType parseMySql(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        lower = BLANKS.matcher(lower).replaceAll(" ");
        if (lower.startsWith("enum(") || lower.startsWith("set(")) {
            int open = text.indexOf('(');
            int close = text.lastIndexOf(')');
            return new EnumValues(lower.substring(0, open).trim(), quotedList(text.substring(open + 1, close)));
        }
        Matcher m = PARAMS.matcher(lower);
        if (!m.matches()) {
            return new OtherType(lower);
        }
        String base = MYSQL_ALIASES.getOrDefault(m.group(1).trim(), m.group(1).trim());
        String suffix = m.group(3);
        boolean unsigned = suffix.contains("unsigned");
        List<Integer> params = numbers(m.group(2));
        if (params == null) {
            return new OtherType(lower);
        }
        // "bool" / "boolean" are tinyint(1); MySQL keeps that display width, which tools read as boolean.
        switch (base) {
            case "tinyint", "smallint", "mediumint", "int", "bigint" -> {
                return new IntegerType(base, INT_BYTES.get(base), unsigned);
            }
            case "decimal" -> {
                return new DecimalType(base, paramOr(params, 0, 10), paramOr(params, 1, 0), unsigned);
            }
            case "float" -> {
                return new FloatType(base, 4, unsigned);
            }
            case "double" -> {
                return new FloatType(base, 8, unsigned);
            }
            case "varchar" -> {
                return new StringType(base, StringKind.VARCHAR, param(params, 0));
            }
            case "char" -> {
                return new StringType(base, StringKind.CHAR, paramOr(params, 0, 1));
            }
            case "tinytext", "text", "mediumtext", "longtext" -> {
                return new StringType(base, StringKind.TEXT, MYSQL_TEXT_LENGTHS.get(base));
            }
            case "tinyblob", "blob", "mediumblob", "longblob" -> {
                return new BinaryType(base, MYSQL_BLOB_LENGTHS.get(base), false);
            }
            case "binary" -> {
                return new BinaryType(base, paramOr(params, 0, 1), true);
            }
            case "varbinary" -> {
                return new BinaryType(base, param(params, 0), false);
            }
            case "date" -> {
                return new TemporalType(base, TemporalKind.DATE, false, null);
            }
            case "datetime", "time" -> {
                TemporalKind kind = base.equals("time") ? TemporalKind.TIME : TemporalKind.TIMESTAMP;
                return new TemporalType(base, kind, false, nonZero(param(params, 0)));
            }
            case "timestamp" -> {
                return new TemporalType(base, TemporalKind.TIMESTAMP, true, nonZero(param(params, 0)));
            }
            case "year" -> {
                return new TemporalType(base, TemporalKind.YEAR, false, null);
            }
            case "json" -> {
                return new JsonType(base, false);
            }
            case "uuid" -> {
                return new UuidType(base);
            }
            default -> {
                return new OtherType(lower);
            }
        }
    }

    private static Integer nonZero(Integer precision) {
        return precision == null || precision == 0 ? null : precision;
    }

    private static Integer param(List<Integer> params, int i) {
        return params.size() > i ? params.get(i) : null;
    }

    private static Integer paramOr(List<Integer> params, int i, int fallback) {
        return params.size() > i ? params.get(i) : fallback;
    }

    /** Comma-separated integers, an empty list for no parentheses, or null when a parameter is not a number. */
    private static List<Integer> numbers(String group) {
        List<Integer> out = new ArrayList<>();
        if (group == null || group.isBlank()) {
            return out;
        }
        for (String p : group.split(",")) {
            try {
                out.add(Integer.valueOf(p.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** Parses {@code 'a','b''c'} into its members, undoing SQL quote doubling. */
    static List<String> quotedList(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (cur == null) {
                if (c == '\'') {
                    cur = new StringBuilder();
                }
            } else if (c == '\'') {
                if (i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                    cur.append('\'');
                    i++;
                } else {
                    out.add(cur.toString());
                    cur = null;
                }
            } else if (c == '\\' && i + 1 < body.length()) {
                cur.append(body.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        return out;
    }
}

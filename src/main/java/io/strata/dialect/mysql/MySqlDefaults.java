package io.strata.dialect.mysql;

import io.strata.model.ColumnType;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySqlDefaults turns {@code COLUMNS.COLUMN_DEFAULT} into Strata's canonical default text, which is
 * MariaDB's own form so that both servers print the same model:
 * <ul>
 *   <li>no default, or a default of NULL: {@code null};</li>
 *   <li>a literal: SQL text, numbers bare ({@code 5}, {@code 1.50}), bit values as {@code b'101'},
 *       everything else as a quoted literal with quotes doubled and backslashes escaped ({@code 'it''s'});</li>
 *   <li>CURRENT_TIMESTAMP in any spelling: {@code current_timestamp()} or {@code current_timestamp(3)};</li>
 *   <li>other expressions: as the server prints them, without parentheses around the whole expression
 *       (MariaDB keeps those of {@code DEFAULT (rand() * 10)}, MySQL 8 drops them).</li>
 * </ul>
 * The difference it bridges: MariaDB 10.2.7+ reports the default as an expression (literal strings
 * quoted, {@code NULL} as the text "NULL"), MySQL 8 reports the raw value and flags expressions with
 * {@code DEFAULT_GENERATED} in EXTRA.
 */
final class MySqlDefaults {

    private static final Pattern NOW = Pattern.compile(
            "(?i)^(?:current_timestamp|now|localtimestamp|localtime)\\s*(?:\\(\\s*(\\d*)\\s*\\))?$");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$");
    private static final Pattern ON_UPDATE = Pattern.compile("(?i)on update (\\S+(?:\\(\\d*\\))?)");

    private static final MySqlQuoter QUOTER = new MySqlQuoter();
    private static final Pattern BIT_OR_HEX_STRING = Pattern.compile("^[bx]'[0-9a-f]*'$");
    private static final Pattern HEX_NUMBER = Pattern.compile("^0x[0-9a-f]+$");

    private MySqlDefaults() {
    }

    /** The canonical default of a column, or null when it has none. */
    static String canonical(String raw, String extra, ColumnType type, boolean mariaDb) {
        if (raw == null) {
            return null;
        }
        if (mariaDb) {
            return raw.equalsIgnoreCase("NULL") ? null : expression(raw);
        }
        String ext = extra == null ? "" : extra.toUpperCase(Locale.ROOT);
        if (ext.contains("DEFAULT_GENERATED") || NOW.matcher(raw.trim()).matches()
                && type instanceof ColumnType.TemporalType) {
            return expression(raw);
        }
        if (isNumeric(type) && NUMBER.matcher(raw).matches()) {
            return raw;
        }
        if (type instanceof ColumnType.OtherType other && other.name().startsWith("bit") && raw.startsWith("b'")) {
            return raw;
        }
        return QUOTER.literal(raw);
    }

    /** The ON UPDATE expression in a column's EXTRA ({@code current_timestamp()}), or null. */
    static String onUpdate(String extra) {
        if (extra == null) {
            return null;
        }
        Matcher m = ON_UPDATE.matcher(extra);
        return m.find() ? normalizeNow(m.group(1)) : null;
    }

    /** Whether {@code expr} is a literal the renderer can write after DEFAULT without parentheses. */
    static boolean isLiteral(String expr) {
        String lower = expr.toLowerCase(Locale.ROOT);
        return expr.startsWith("'") || NUMBER.matcher(expr).matches() || lower.equals("null")
                || BIT_OR_HEX_STRING.matcher(lower).matches() || HEX_NUMBER.matcher(lower).matches()
                || NOW.matcher(expr).matches();
    }

    /** A default as DDL or the server writes it, in canonical form: outer parentheses gone, CURRENT_TIMESTAMP spelled one way. */
    static String expression(String raw) {
        String expr = raw.trim();
        return isLiteral(expr) ? normalizeNow(expr) : normalizeNow(stripOuterParentheses(expr));
    }

    /** {@code (a + b)} becomes {@code a + b}; {@code (a) + (b)} stays, its first parenthesis closes early. */
    static String stripOuterParentheses(String expr) {
        String e = expr;
        while (e.startsWith("(") && e.endsWith(")") && closingOfFirst(e) == e.length() - 1) {
            e = e.substring(1, e.length() - 1).trim();
        }
        return e;
    }

    private static int closingOfFirst(String e) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String normalizeNow(String expr) {
        Matcher m = NOW.matcher(expr.trim());
        if (!m.matches()) {
            return expr;
        }
        String precision = m.group(1) == null ? "" : m.group(1);
        return "current_timestamp(" + precision + ")";
    }

    private static boolean isNumeric(ColumnType type) {
        return type instanceof ColumnType.IntegerType || type instanceof ColumnType.DecimalType
                || type instanceof ColumnType.FloatType;
    }
}

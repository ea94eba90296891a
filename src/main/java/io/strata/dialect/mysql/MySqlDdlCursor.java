package io.strata.dialect.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * MySqlDdlCursor reads one MySQL statement a token at a time: keywords, names (bare or in backquotes),
 * string literals and parenthesised groups, with blanks and comments skipped. It is enough to take apart the
 * DDL the planner writes without a SQL grammar; whatever it does not recognise it reports as null or false,
 * so that its callers can treat the statement as not understood.
 */
final class MySqlDdlCursor {

    /** A table, view or trigger name, qualified by its database or not ({@code schema} null). */
    record Name(String schema, String name) {
    }

    private final String sql;
    private int pos;

    MySqlDdlCursor(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        this.sql = text;
    }

    boolean atEnd() {
        skip();
        return pos >= sql.length();
    }

    /** Consumes {@code words} when the text goes on with exactly these bare words (any case); otherwise consumes nothing. */
    boolean accept(String... words) {
        int start = pos;
        for (String word : words) {
            skip();
            int end = wordEnd(pos);
            if (end == pos || !sql.substring(pos, end).equalsIgnoreCase(word)) {
                pos = start;
                return false;
            }
            pos = end;
        }
        return true;
    }

    /** Whether the bare word {@code word} comes next, consuming nothing. */
    boolean peek(String word) {
        int start = pos;
        boolean found = accept(word);
        pos = start;
        return found;
    }

    /** Consumes {@code c} when it comes next. */
    boolean symbol(char c) {
        skip();
        if (pos < sql.length() && sql.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Whether {@code c} comes next, consuming nothing. */
    boolean peekSymbol(char c) {
        skip();
        return pos < sql.length() && sql.charAt(pos) == c;
    }

    /** A name in backquotes (doubled backquotes undone) or a bare word; null when neither comes next. */
    String name() {
        skip();
        if (pos < sql.length() && sql.charAt(pos) == '`') {
            int end = MySqlSqlText.literalEnd(sql, pos, '`');
            if (end > sql.length() || sql.charAt(end - 1) != '`' || end - pos < 2) {
                return null;
            }
            String name = sql.substring(pos + 1, end - 1).replace("``", "`");
            pos = end;
            return name;
        }
        int end = wordEnd(pos);
        if (end == pos) {
            return null;
        }
        String word = sql.substring(pos, end);
        pos = end;
        return word;
    }

    /** {@code name} or {@code schema.name}; null when no name comes next. */
    Name qualifiedName() {
        String first = name();
        if (first == null) {
            return null;
        }
        if (symbol('.')) {
            String second = name();
            return second == null ? null : new Name(first, second);
        }
        return new Name(null, first);
    }

    /** The text inside the parentheses that come next, consumed with them; null when no parenthesis comes next. */
    String group() {
        skip();
        if (pos >= sql.length() || sql.charAt(pos) != '(') {
            return null;
        }
        int close = walk(sql, pos, (i, depth) -> sql.charAt(i) != ')' || depth > 1);
        if (close >= sql.length()) {
            return null;
        }
        String inside = sql.substring(pos + 1, close);
        pos = close + 1;
        return inside;
    }

    /** Items separated by commas, each read by {@code item}; null when one is missing. */
    <T> List<T> list(Supplier<T> item) {
        List<T> out = new ArrayList<>();
        do {
            T next = item.get();
            if (next == null) {
                return null;
            }
            out.add(next);
        } while (symbol(','));
        return out;
    }

    /** The value of the string literal that comes next, quotes and escapes undone; null when none comes next. */
    String literal() {
        skip();
        if (pos >= sql.length() || sql.charAt(pos) != '\'' && sql.charAt(pos) != '"') {
            return null;
        }
        char quote = sql.charAt(pos);
        int end = MySqlSqlText.literalEnd(sql, pos, quote);
        StringBuilder out = new StringBuilder();
        for (int i = pos + 1; i < end - 1; i++) {
            char c = sql.charAt(i);
            if (c == '\\' && i + 1 < end - 1) {
                out.append(unescape(sql.charAt(++i)));
            } else if (c == quote) {
                // A doubled quote inside the literal stands for one.
                out.append(c);
                i++;
            } else {
                out.append(c);
            }
        }
        pos = end;
        return out.toString();
    }

    /**
     * The value that comes next as written: a literal with its quotes, a parenthesised expression, a signed
     * number, {@code b'101'}, or a word with the arguments that follow it ({@code current_timestamp(3)});
     * null when none comes next.
     */
    String value() {
        skip();
        int start = pos;
        if (pos >= sql.length()) {
            return null;
        }
        char c = sql.charAt(pos);
        if (c == '\'' || c == '"') {
            pos = MySqlSqlText.literalEnd(sql, pos, c);
            return sql.substring(start, pos);
        }
        if (c == '(') {
            return group() == null ? null : sql.substring(start, pos);
        }
        int word = c == '-' || c == '+' ? pos + 1 : pos;
        int end = wordEnd(word);
        if (end == word) {
            return null;
        }
        pos = end;
        char next = pos < sql.length() ? sql.charAt(pos) : ' ';
        if (next == '\'' && end - word == 1) {
            // b'0101' and x'ff': a one-letter prefix glued to a literal.
            pos = MySqlSqlText.literalEnd(sql, pos, '\'');
        } else if (next == '.' && Character.isDigit(sql.charAt(word))) {
            pos = wordEnd(pos + 1);
        } else if (next == '(' && group() == null) {
            pos = start;
            return null;
        }
        return sql.substring(start, pos);
    }

    /** Everything not read yet, trimmed. */
    String rest() {
        skip();
        String rest = sql.substring(pos);
        pos = sql.length();
        return rest;
    }

    /** {@code text} cut at the commas outside parentheses, literals and backquoted names, each piece trimmed. */
    static List<String> splitTopLevel(String text) {
        List<Integer> commas = new ArrayList<>();
        walk(text, 0, (i, depth) -> {
            if (depth == 0 && text.charAt(i) == ',') {
                commas.add(i);
            }
            return true;
        });
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int comma : commas) {
            out.add(text.substring(from, comma).strip());
            from = comma + 1;
        }
        out.add(text.substring(from).strip());
        return out;
    }

    /** Where {@link #walk} is in the text: a position outside literals and backquoted names, and the depth of parentheses there. */
    private interface Step {
        /** False to stop there. An opening parenthesis counts in its own depth, a closing one too. */
        boolean goOn(int index, int depth);
    }

    /** Steps through {@code text} from {@code from} until {@code step} says stop; returns where (the length if it never did). */
    private static int walk(String text, int from, Step step) {
        int depth = 0;
        for (int i = from; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = MySqlSqlText.literalEnd(text, i, c);
                continue;
            }
            if (c == '(') {
                depth++;
            }
            if (!step.goOn(i, depth)) {
                return i;
            }
            if (c == ')') {
                depth--;
            }
            i++;
        }
        return text.length();
    }

    static String upper(String word) {
        return word == null ? null : word.toUpperCase(Locale.ROOT);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            case 'b' -> '\b';
            case 'Z' -> '\u001A';
            default -> c;
        };
    }

    private int wordEnd(int from) {
        int i = from;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    /** Skips blanks and comments ({@code /* *}{@code /}, {@code -- } and {@code #} to the end of the line). */
    private void skip() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                pos = end < 0 ? sql.length() : end + 2;
            } else if (c == '#' || sql.startsWith("-- ", pos)) {
                int end = sql.indexOf('\n', pos);
                pos = end < 0 ? sql.length() : end + 1;
            } else {
                return;
            }
        }
    }
}

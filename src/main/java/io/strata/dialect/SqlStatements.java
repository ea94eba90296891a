package io.strata.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * SqlStatements splits a script into statements at top-level semicolons, aware of quotes, comments,
 * PostgreSQL dollar quoting, MySQL compound statements (a trigger's {@code BEGIN ... END} body) and the mysql client's
 * {@code DELIMITER} lines, and remembers the line each statement starts on so that a server's
 * error can name it.
 */
public final class SqlStatements {

    /** One statement of a script and the 1-based line it starts on. */
    public record Statement(String text, int line) {
    }

    private SqlStatements() {
    }

    /** Splits {@code sql}; {@code mysql} enables backtick identifiers and {@code #} comments. */
    public static List<Statement> split(String sql, boolean mysql) {
        List<Statement> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = sql.length();
        int blocks = 0;
        String delimiter = ";";
        while (i < n) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (mysql && startLine < 0 && (c == 'D' || c == 'd')) {
                java.util.regex.Matcher command = DELIMITER.matcher(sql).region(i, n);
                if (command.lookingAt()) {
                    delimiter = command.group(1);
                    cur.setLength(0);
                    line += (int) command.group().chars().filter(ch -> ch == '\n').count();
                    i = command.end();
                    continue;
                }
            }
            if (!delimiter.equals(";") && sql.startsWith(delimiter, i)) {
                flush(out, cur, startLine);
                startLine = -1;
                blocks = 0;
                i += delimiter.length();
                continue;
            }
            if (mysql && Character.isLetter(c) && (i == 0 || !isWordPart(sql.charAt(i - 1)))) {
                end = wordEnd(sql, i);
                int custom = delimiter.equals(";") ? -1 : sql.substring(i, end).indexOf(delimiter);
                if (custom >= 0) {
                    // END$$ ends the body: the delimiter may follow a word without a blank.
                    end = i + custom;
                }
                blocks += blockChange(sql, i, end, cur, blocks);
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || mysql && c == '#') {
                end = indexOrEnd(sql, "\n", i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = blockCommentEnd(sql, i);
            } else if (c == '\'' || c == '"' || mysql && c == '`') {
                end = quoteEnd(sql, i, c, mysql && c == '\'');
            } else if (c == '$' && !mysql) {
                String tag = dollarTag(sql, i);
                if (tag != null) {
                    int close = sql.indexOf(tag, i + tag.length());
                    end = close < 0 ? n : close + tag.length();
                }
            } else if (c == ';' && blocks == 0 && delimiter.equals(";")) {
                flush(out, cur, startLine);
                startLine = -1;
                i++;
                continue;
            }
            String piece = sql.substring(i, end);
            boolean isComment = piece.startsWith("--") || piece.startsWith("/*") || mysql && piece.startsWith("#");
            if (startLine < 0 && !isComment && !Character.isWhitespace(c)) {
                startLine = line;
            }
            cur.append(piece);
            line += (int) piece.chars().filter(ch -> ch == '\n').count();
            i = end;
        }
        flush(out, cur, startLine);
        return out;
    }

    /**
     * How a word changes the nesting of a MySQL compound statement ({@code CREATE TRIGGER ... BEGIN ...;
     * ...; END}), whose inner semicolons do not end it: {@code BEGIN} opens a block in a statement that
     * creates a trigger, procedure, function or event, and so does {@code CASE} inside one (a CASE expression
     * ends with a bare {@code END}, a CASE statement with {@code END CASE}); {@code END} closes one unless it ends
     * an {@code IF} or a loop, which open none.
     */
    private static int blockChange(String sql, int from, int to, StringBuilder cur, int open) {
        String word = sql.substring(from, to).toUpperCase(java.util.Locale.ROOT);
        if (word.equals("BEGIN") && COMPOUND.matcher(cur).find()
                || word.equals("CASE") && open > 0 && !END_BEFORE.matcher(cur).find()) {
            return 1;
        }
        if (word.equals("END") && open > 0) {
            int next = to;
            while (next < sql.length() && Character.isWhitespace(sql.charAt(next))) {
                next++;
            }
            String following = sql.substring(next, wordEnd(sql, next)).toUpperCase(java.util.Locale.ROOT);
            return List.of("IF", "LOOP", "WHILE", "REPEAT").contains(following) ? 0 : -1;
        }
        return 0;
    }

    /**
     * The mysql client's {@code DELIMITER //} line, which scripts with stored programs use: until the next one,
     * statements end at {@code //} and a semicolon is part of the statement.
     */
    private static final java.util.regex.Pattern DELIMITER = java.util.regex.Pattern.compile(
            "(?i)DELIMITER[ \t]+(\\S+)[ \t]*(?:\\r?\\n|$)");

    /** The text so far ends with the word END: the CASE that follows closes a CASE statement, it opens none. */
    private static final java.util.regex.Pattern END_BEFORE = java.util.regex.Pattern.compile("(?i)(?<![\\w$])END\\s+$");

    private static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile(
            "(?is)^\\s*CREATE\\b.*\\b(TRIGGER|PROCEDURE|FUNCTION|EVENT)\\b");

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int wordEnd(String sql, int from) {
        int i = from;
        while (i < sql.length() && isWordPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void flush(List<Statement> out, StringBuilder cur, int startLine) {
        if (startLine >= 0 && !cur.toString().isBlank()) {
            out.add(new Statement(cur.toString().strip(), startLine));
        }
        cur.setLength(0);
    }

    private static int indexOrEnd(String sql, String what, int from) {
        int at = sql.indexOf(what, from);
        return at < 0 ? sql.length() : at;
    }

    private static int blockCommentEnd(String sql, int from) {
        int depth = 0;
        int i = from;
        while (i < sql.length() - 1) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int quoteEnd(String sql, int from, char quote, boolean backslashEscapes) {
        int i = from + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** The dollar-quote tag ({@code $$} or {@code $body$}) starting at {@code from}, or null. */
    private static String dollarTag(String sql, int from) {
        int i = from + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            String tag = sql.substring(from, i + 1);
            // "$1" is a parameter, not a tag.
            return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
        }
        return null;
    }
}

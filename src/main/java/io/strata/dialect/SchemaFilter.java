package io.strata.dialect;

import io.strata.error.StrataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A SchemaFilter says which statements of SQL a client submitted to the server may run on the scratch database:
 * schema DDL (functions and triggers included) and the session settings dump tools write, but nothing that reads
 * or writes data, runs a block of code, reaches the server's files or programs, or changes who the session is or
 * how long it may run. The replay login's missing privileges and time limit hold whatever a filter lets by; the
 * filter makes the common attempts a clear refusal naming the statement, before anything runs.
 */
public interface SchemaFilter {

    /** A statement that may run: its number in the script (1-based, counting every statement), line and text to send. */
    record Admitted(int number, int line, String sql) {
    }

    /** Why {@code statement} may not run, or empty when it may. */
    Optional<String> refusal(String statement);

    /**
     * The text to send for an accepted {@code statement}, or empty when it is accepted but not run: it changes
     * nothing a schema model holds and asks for what the replay keeps for itself (its time limit, an owner).
     */
    Optional<String> runnable(String statement);

    /** Whether the dialect's scripts use MySQL's lexical rules (backticks, {@code #} comments). */
    boolean mysql();

    /**
     * The statements of {@code script} that run, in order; the first refused one is a BAD_INPUT naming the script,
     * its line, its number and how it starts.
     */
    default List<Admitted> admit(SqlScript script) {
        List<Admitted> out = new ArrayList<>();
        List<SqlStatements.Statement> statements = SqlStatements.split(script.text(), mysql());
        for (int i = 0; i < statements.size(); i++) {
            SqlStatements.Statement st = statements.get(i);
            Optional<String> refused = refusal(st.text());
            if (refused.isPresent()) {
                throw StrataException.badInput(script.name() + ":" + st.line() + ": statement " + (i + 1) + " ("
                        + label(st.text()) + ") is refused: " + refused.get()
                        + "; a registered schema holds schema statements only");
            }
            int number = i + 1;
            runnable(st.text()).ifPresent(sql -> out.add(new Admitted(number, st.line(), sql)));
        }
        return out;
    }

    /** How a statement starts, for messages: its first line of code, at most 80 characters, in quotes. */
    static String label(String statement) {
        String first = statement.strip().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--"))
                .findFirst().orElse(statement.strip());
        return "\"" + (first.length() > 80 ? first.substring(0, 77) + "..." : first) + "\"";
    }

    /**
     * The statement's code in upper case on one line, comments replaced by a blank (quoted text kept); with
     * {@code mysql}, the content of version comments ({@code /*!40101 ... *}{@code /}) is code, since the server
     * runs it.
     */
    static String code(String statement, boolean mysql) {
        String text = mysql ? unwrapVersionComments(statement) : statement;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("--", i) || mysql && c == '#') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl + 1;
                out.append(' ');
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
                out.append(' ');
            } else if (c == '\'' || c == '"' || mysql && c == '`') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c) {
                    end += mysql && text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
                out.append(text, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
    }

    /** {@code text} with the markers of MySQL version comments removed and their content kept. */
    static String unwrapVersionComments(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = versionCommentAt(text, i);
            if (open < 0) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int close = text.indexOf("*/", open);
            String content = close < 0 ? text.substring(open) : text.substring(open, close);
            // "/*M!999999\- enable the sandbox mode */" is a command to the mysql client, which no server runs.
            out.append(' ').append(content.startsWith("\\-") ? "" : content).append(' ');
            i = close < 0 ? text.length() : close + 2;
        }
        return out.toString();
    }

    /** Where the content of a version comment starting at {@code i} begins ({@code /*!50001}, {@code /*M!100100}), or -1. */
    private static int versionCommentAt(String text, int i) {
        int bang = text.startsWith("/*!", i) ? i + 3 : text.startsWith("/*M!", i) ? i + 4 : -1;
        if (bang < 0) {
            return -1;
        }
        while (bang < text.length() && Character.isDigit(text.charAt(bang))) {
            bang++;
        }
        return bang;
    }
}

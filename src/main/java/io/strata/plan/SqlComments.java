package io.strata.plan;

/**
 * SqlComments is the one way text goes into a SQL comment Strata writes (a {@code --} line of a plan's SQL, a
 * step's description, a deploy note): names come from the user's schema, where a quoted identifier may hold a line
 * break, and a line break would end the comment and turn the rest of the name into a statement that {@code psql}
 * or {@code mysql} runs. Every control character, and the Unicode line and paragraph separators, is written as its
 * code ({@code &#92;u000A} for a line feed), so the comment stays one line and still shows which name it was.
 */
public final class SqlComments {

    private SqlComments() {
    }

    /** {@code text} as it can stand on one comment line (or one line of a terminal): no character in it ends a line. */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (breaksLine(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code "-- "} and {@code text} made safe: one comment line, without its line break. */
    public static String line(String text) {
        return "-- " + text(text);
    }

    /**
     * Control characters (C0, DEL, C1 with NEL), the line and paragraph separators, and the bidirectional controls a
     * terminal would use to show a name other than it is.
     */
    private static boolean breaksLine(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }
}

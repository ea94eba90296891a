package io.strata.compat.protobuf;

import java.util.regex.Pattern;

/**
 * SourceLines finds the line of a file-level statement ({@code package}, {@code syntax}, a file option),
 * which Wire parses without keeping a location.
 */
final class SourceLines {

    private SourceLines() {
    }

    /** The 1-based line of the first statement matching {@code statement}, or 0 (the whole file). */
    static int find(String text, String statement) {
        if (text == null) {
            return 0;
        }
        Pattern p = Pattern.compile("^\\s*" + statement);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    static int option(String text, String name) {
        return find(text, "option\\s+" + Pattern.quote(name) + "\\s*=");
    }
}

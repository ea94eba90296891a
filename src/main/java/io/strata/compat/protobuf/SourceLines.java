package io.strata.compat.protobuf;

import java.util.regex.Pattern;

/**
 * SourceLines finds the line of a statement Wire parses without keeping a location: a file-level one
 * ({@code package}, {@code syntax}, a file option) or a message's option.
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

    /**
     * The line of option {@code name} in the body of the message declared on {@code messageLine}, not in the
     * messages nested in it; {@code messageLine} itself when it is not found. Braces are counted per line, which
     * holds for the usual layout of one declaration per line.
     */
    static int messageOption(String text, int messageLine, String name) {
        if (text == null || messageLine < 1) {
            return messageLine;
        }
        Pattern option = Pattern.compile("^\\s*option\\s+" + Pattern.quote(name) + "\\s*=");
        String[] lines = text.split("\n", -1);
        int depth = 0;
        for (int i = messageLine - 1; i < lines.length; i++) {
            String line = lines[i].replaceAll("//.*", "");
            if (depth == 1 && option.matcher(line).find()) {
                return i + 1;
            }
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth <= 0 && i >= messageLine - 1 && line.contains("}")) {
                return messageLine;
            }
        }
        return messageLine;
    }
}

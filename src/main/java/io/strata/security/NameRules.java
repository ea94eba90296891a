package io.strata.security;

import io.strata.error.StrataException;

import java.util.Locale;
import java.util.Optional;

/**
 * NameRules is the one rule for the characters a name may hold (a subject, an environment, a branch, a team, a key's
 * holder...): no control characters (U+0000-U+001F, U+007F-U+009F), no line or paragraph separators (U+2028,
 * U+2029), no bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and no half of a
 * surrogate pair (what invalid UTF-8 or a lone {@code \ud800} escape decodes to). Such characters make a name
 * print as another one (a right-to-left override turns {@code orders-gpj.sql} around) or break the lines of a log
 * and the audit trail. Free text (a schema, a commit message, a description) is not a name and is not checked here.
 */
public final class NameRules {

    private NameRules() {
    }

    /**
     * What is wrong with {@code value} as a name, described by {@code what} ({@code path parameter "subject"}), or
     * empty when it is a valid name. The description names the character by its code point, never the value itself.
     */
    public static Optional<String> problem(String what, String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String kind = kind(c, value, i);
            if (kind != null) {
                return Optional.of(what + " contains " + kind + " (" + codePoint(c) + " at position " + (i + 1)
                        + "); names may not hold control, line-separator or bidirectional-control characters");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} is a valid name (null counts as valid: absence is the caller's rule). */
    public static boolean valid(String value) {
        return problem("", value).isEmpty();
    }

    /** Returns {@code value}, or refuses it as bad input naming {@code what} when it is not a valid name. */
    public static String require(String what, String value) {
        problem(what, value).ifPresent(message -> {
            throw StrataException.badInput(message);
        });
        return value;
    }

    private static String kind(char c, String value, int at) {
        if (Character.isHighSurrogate(c)) {
            return at + 1 < value.length() && Character.isLowSurrogate(value.charAt(at + 1)) ? null : "half of a surrogate pair";
        }
        if (Character.isLowSurrogate(c)) {
            return "half of a surrogate pair";
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "a control character";
        }
        if (c == '\u2028' || c == '\u2029') {
            return "a line separator";
        }
        if (c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069') {
            return "a bidirectional control character";
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}

package io.strata.plan.lint;

import io.strata.error.StrataException;

import java.util.Locale;

/** A Severity is how much a lint diagnostic matters: an ERROR fails {@code strata lint}, OFF silences the rule. */
public enum Severity {
    ERROR, WARNING, NOTICE, OFF;

    /** The severity named by {@code text} (any case), or BAD_INPUT naming {@code key}, where the text came from. */
    public static Severity parse(String key, String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw StrataException.badInput("\"" + key + "\": unknown severity \"" + text
                    + "\", expected error, warning, notice or off");
        }
    }

    /** Lower-case name, as configuration files and JSON spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

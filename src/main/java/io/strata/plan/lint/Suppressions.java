package io.strata.plan.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppressions are the {@code -- strata:nolint} comments of the desired schema's SQL. A comment
 * {@code -- strata:nolint DS102,LK101} silences those codes for the whole run; with a location after
 * the codes ({@code -- strata:nolint DS102 public.orders.note}) only at that location and inside it
 * (a table's location covers its columns). The position of the comment in the file does not matter.
 */
public record Suppressions(List<Suppression> entries) {

    /** One comment's code and, if it named one, location. */
    public record Suppression(String code, String location) {
        boolean covers(Diagnostic d) {
            return d.code().equals(code) && (location == null || d.location().equals(location)
                    || d.location().startsWith(location + "."));
        }
    }

    public static final Suppressions NONE = new Suppressions(List.of());

    private static final Pattern COMMENT = Pattern.compile(
            "--\\s*strata:nolint\\s+([A-Za-z0-9]+(?:\\s*,\\s*[A-Za-z0-9]+)*)(?:[ \\t]+([^\\s]+))?");

    public Suppressions {
        entries = List.copyOf(entries);
    }

    /** The comments of {@code sql}, each code checked against {@code rules} (a typo would silently suppress nothing). */
    public static Suppressions parse(String sql, String file, LintRules rules) {
        List<Suppression> out = new ArrayList<>();
        Matcher m = COMMENT.matcher(sql);
        while (m.find()) {
            for (String code : m.group(1).split("\\s*,\\s*")) {
                rules.require(file + ": strata:nolint", code.strip());
                out.add(new Suppression(code.strip(), m.group(2)));
            }
        }
        return new Suppressions(out);
    }

    public Suppressions and(Suppressions other) {
        List<Suppression> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new Suppressions(all);
    }

    public boolean suppresses(Diagnostic d) {
        return entries.stream().anyMatch(s -> s.covers(d));
    }
}

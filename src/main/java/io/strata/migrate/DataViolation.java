package io.strata.migrate;

import java.util.List;

/**
 * A DataViolation is a pre-flight data check that found rows: the step would fail on them, so nothing runs.
 *
 * @param rows    how many rows offend
 * @param samples the first few of them: their primary key values, or the offending values
 * @param more    whether there are more than the samples show
 */
public record DataViolation(int stepNumber, String statement, String rule, String table, long rows, String offense,
                            String shownAs, List<String> samples, boolean more) {

    /** A comment a statement starts with (a backfill's bookkeeping), which says nothing to people. */
    private static final java.util.regex.Pattern LEADING_COMMENT = java.util.regex.Pattern.compile("^/\\*.*?\\*/\\s*",
            java.util.regex.Pattern.DOTALL);

    public DataViolation {
        samples = List.copyOf(samples);
    }

    /** {@code step 3 (ALTER TABLE ...) would fail [NOT NULL]: 200 rows of "orders" have "currency" NULL (id 1, 2, 3, ...)}. */
    public String message() {
        String shown = samples.isEmpty() ? "" : " (" + shownAs + " " + String.join(", ", samples)
                + (more ? ", ..." : "") + ")";
        return "step " + stepNumber + " (" + LEADING_COMMENT.matcher(statement).replaceFirst("") + ") would fail [" + rule + "]: " + rows + " row"
                + (rows == 1 ? " of " + table + " has" : "s of " + table + " have") + " " + offense + shown;
    }
}

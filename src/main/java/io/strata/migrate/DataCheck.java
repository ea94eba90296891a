package io.strata.migrate;

/**
 * A DataCheck is one bounded query of the pre-flight data checks: it finds the rows of the target that step
 * {@code stepNumber} of a plan would fail on. Its query returns the total count of such rows in its first column
 * and the first few of them, as text, in the others (see {@link io.strata.dialect.DataCheckSql}).
 *
 * @param stepNumber the step's number in the plan, 1-based, as {@code strata plan} shows it
 * @param statement  the step's statement
 * @param rule       what the step enforces: {@code NOT NULL}, {@code UNIQUE}, {@code PRIMARY KEY}, {@code FOREIGN KEY},
 *                   {@code CHECK} or {@code TYPE}
 * @param subject    what is checked, so that two steps enforcing the same thing are checked once (by the later)
 * @param table      the table, quoted as the user wrote it
 * @param offense    what the offending rows have, after "N rows of TABLE" ({@code have "currency" NULL})
 * @param shownAs    what the samples are ({@code id}, or the offending column)
 * @param grouped    whether a sample stands for several rows (a duplicated value), not for one
 * @param parses     whether the query asks the dialect's {@link io.strata.dialect.InputCheck}, whose setup must run first
 * @param quickPass  a query that, when it runs without an error, shows there is no offending row, cheaper than
 *                   {@code query}; or null
 */
record DataCheck(int stepNumber, String statement, String rule, String subject, String table, String query,
                 String offense, String shownAs, boolean grouped, boolean parses, String quickPass) {

    /** This check, asking the dialect's input check, passed at once when {@code quickPass} (or null) runs. */
    DataCheck parsing(String quickPass) {
        return new DataCheck(stepNumber, statement, rule, subject, table, query, offense, shownAs, grouped, true, quickPass);
    }
}

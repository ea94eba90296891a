package io.strata.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DataCheckRunner runs the pre-flight data checks on the target, each under a query timeout so that a check on a
 * large table costs seconds at most: a check that does not finish is reported as not done, never as passed or failed.
 */
final class DataCheckRunner {

    /** How long one check may run. */
    static final int TIMEOUT_SECONDS = 5;

    private DataCheckRunner() {
    }

    /**
     * The pre-flight data checks of {@code plan} (made from {@code base} to {@code desired}) on the target
     * {@code connection} reaches, whose schema is {@code live} now; none when the dialect has no way to write them.
     */
    static DataCheckReport check(Connection connection, io.strata.dialect.HistoryDialect dialect,
                                 io.strata.plan.MigrationPlan plan, io.strata.model.Catalog base,
                                 io.strata.model.Catalog desired, io.strata.model.Catalog live) {
        io.strata.dialect.DataCheckSql sql = dialect.dataChecks();
        if (sql == null) {
            return new DataCheckReport(0, List.of(), List.of());
        }
        return run(connection, DataChecks.of(plan, io.strata.diff.Differ.diff(base, desired), live, sql), sql.inputs());
    }

    static DataCheckReport run(Connection connection, List<DataCheck> checks, io.strata.dialect.InputCheck inputs) {
        List<DataViolation> violations = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        boolean setUp = false;
        String setupFailed = null;
        for (DataCheck check : checks) {
            if (check.quickPass() != null && execute(connection, List.of(check.quickPass())) == null) {
                continue;
            }
            if (check.parses() && !setUp) {
                // Only now: most columns pass their quick cast, and then nothing is created in the session.
                setupFailed = execute(connection, inputs.setup());
                setUp = true;
            }
            if (check.parses() && setupFailed != null) {
                unchecked.add(notDone(check, setupFailed));
                continue;
            }
            try (Statement s = connection.createStatement()) {
                s.setQueryTimeout(TIMEOUT_SECONDS);
                try (ResultSet rs = s.executeQuery(check.query())) {
                    long total = 0;
                    List<String> samples = new ArrayList<>();
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        total = rs.getLong(1);
                        if (columns > 1) {
                            samples.add(sample(rs, columns));
                        }
                    }
                    if (total > 0) {
                        violations.add(new DataViolation(check.stepNumber(), check.statement(), check.rule(), check.table(),
                                total, check.offense(), check.shownAs(), samples,
                                check.grouped() ? samples.size() >= DataChecks.SAMPLES : total > samples.size()));
                    }
                }
            } catch (SQLException e) {
                unchecked.add(notDone(check, timedOut(e) ? "it did not finish within " + TIMEOUT_SECONDS + " s"
                        : firstLine(e.getMessage())));
            }
        }
        if (setUp && setupFailed == null) {
            execute(connection, inputs.teardown());
        }
        return new DataCheckReport(checks.size(), violations, unchecked);
    }

    private static String notDone(DataCheck check, String why) {
        return "data check of step " + check.stepNumber() + " [" + check.rule() + "] on " + check.table() + " not done: "
                + why;
    }

    /** Runs {@code statements}; the server's first line of refusal, or null when they all ran. */
    private static String execute(Connection connection, List<String> statements) {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            for (String sql : statements) {
                s.execute(sql);
            }
            return null;
        } catch (SQLException e) {
            return firstLine(e.getMessage());
        }
    }

    /** One offending row's values, as text: {@code 7}, or {@code (1, 'x')} for several columns. */
    private static String sample(ResultSet rs, int columns) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 2; i <= columns; i++) {
            String v = rs.getString(i);
            values.add(v == null ? "NULL" : v);
        }
        return values.size() == 1 ? values.get(0) : "(" + String.join(", ", values) + ")";
    }

    /** PostgreSQL's query_canceled, MySQL's and MariaDB's interrupted statement. */
    private static boolean timedOut(SQLException e) {
        return e instanceof java.sql.SQLTimeoutException || "57014".equals(e.getSQLState())
                || "70100".equals(e.getSQLState()) || e.getErrorCode() == 3024 || e.getErrorCode() == 1969;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the server refused the query";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

package io.strata.migrate;

import io.strata.dialect.HistoryDialect;
import io.strata.plan.Reverse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reversal takes back what a failed run applied, so the target is left as the run found it, rows included: the
 * statements that stand are reversed newest first from the reverses recorded with them (which restore backed-up
 * rows). A batch that ran in one transaction is reversed in one transaction; any other statement is reversed on
 * its own. Each statement is un-marked in the history as its reverse lands, so when a reverse fails the history
 * says exactly which statements stand.
 */
final class Reversal {

    /**
     * How a reversal ended.
     *
     * @param reverted statements taken back
     * @param standing ordinals of the statements that still stand, oldest first
     * @param problem  why it stopped (or never started), or null when nothing stands
     */
    record Outcome(int reverted, List<Integer> standing, String problem) {
        boolean complete() {
            return problem == null;
        }
    }

    private final Connection connection;
    private final HistoryDialect dialect;
    private final HistoryTable history;
    private final StatementRunner runner;
    /** The statement whose reverse is running, so a failure can name it. */
    private HistoryStep current;

    Reversal(Connection connection, HistoryDialect dialect, HistoryTable history, StatementRunner runner) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.runner = runner;
    }

    /**
     * Why {@code step} cannot be taken back, or null when it can: it has no reverse, or the backup its reverse
     * restores rows from was pruned ({@code backups} are those that exist). Checked for every statement before any
     * reverse runs, so a reversal that cannot finish does not start.
     */
    static String obstacle(HistoryStep step, Set<String> backups) {
        String statement = "statement " + step.ordinal() + " (" + Executor.abbreviate(step.statement()) + ")";
        if (step.undo().reverse() instanceof Reverse.Irreversible i) {
            return statement + " has no reverse: " + i.reason();
        }
        if (step.undo().backupTable() != null && !backups.contains(step.undo().backupTable())) {
            return statement + " restores its rows from backup " + BackupPlanner.SCHEMA + "."
                    + step.undo().backupTable() + ", which was pruned";
        }
        return null;
    }

    /** Takes back every statement of history row {@code rank} that stands. */
    Outcome run(int rank) throws SQLException {
        List<HistoryStep> standing = standing(rank);
        Set<String> backups = BackupStore.present(connection);
        for (HistoryStep step : standing) {
            String obstacle = obstacle(step, backups);
            if (obstacle != null) {
                return new Outcome(0, ordinals(standing), obstacle);
            }
        }
        int reverted = 0;
        for (List<HistoryStep> batch : newestFirst(standing)) {
            try {
                if (dialect.transactionalDdl() && batch.get(0).inTransaction()) {
                    runner.run(() -> inTransaction(rank, batch));
                    reverted += batch.size();
                } else {
                    for (HistoryStep step : batch) {
                        current = step;
                        for (String sql : statements(step)) {
                            runner.run(() -> Transaction.execute(connection, sql));
                        }
                        history.markReverted(rank, List.of(step.ordinal()));
                        reverted++;
                    }
                }
            } catch (SQLException e) {
                return new Outcome(reverted, ordinals(standing(rank)), "the reverse of statement " + current.ordinal()
                        + " failed: " + Executor.firstLine(e.getMessage()) + "\n    "
                        + Executor.abbreviate(current.statement()));
            }
        }
        return new Outcome(reverted, List.of(), null);
    }

    private List<HistoryStep> standing(int rank) throws SQLException {
        return history.steps(rank).stream().filter(HistoryStep::applied).toList();
    }

    private void inTransaction(int rank, List<HistoryStep> batch) throws SQLException {
        Transaction.run(connection, () -> {
            for (HistoryStep step : batch) {
                current = step;
                for (String sql : statements(step)) {
                    Transaction.execute(connection, sql);
                }
            }
            history.markReverted(rank, batch.stream().map(HistoryStep::ordinal).toList());
        });
    }

    private static List<String> statements(HistoryStep step) {
        return ((Reverse.Sql) step.undo().reverse()).statements();
    }

    /** The steps grouped by batch, the newest batch first and each batch's newest step first. */
    private static List<List<HistoryStep>> newestFirst(List<HistoryStep> steps) {
        Map<Integer, List<HistoryStep>> byBatch = new LinkedHashMap<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            byBatch.computeIfAbsent(steps.get(i).batch(), b -> new ArrayList<>()).add(steps.get(i));
        }
        return new ArrayList<>(byBatch.values());
    }

    private static List<Integer> ordinals(List<HistoryStep> steps) {
        return steps.stream().map(HistoryStep::ordinal).toList();
    }
}

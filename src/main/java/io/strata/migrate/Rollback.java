package io.strata.migrate;

import io.strata.dialect.HistoryDialect;
import io.strata.error.StrataException;
import io.strata.plan.Reverse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Rollback takes applied versions back, newest first: each step's recorded reverse runs in reverse
 * order (recreating structure, then restoring backed-up rows by key), the run is recorded as a
 * history row of kind {@code rollback}, and the version is marked rolled back. Everything that would
 * stop it (a step without reverse, a pruned backup) is checked before anything runs.
 */
final class Rollback {

    private final Connection connection;
    private final HistoryDialect dialect;
    private final HistoryTable history;
    private final Executor executor;

    Rollback(Connection connection, HistoryDialect dialect, HistoryTable history, Executor executor) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.executor = executor;
    }

    /** Undoes the versions applied after {@code to}, or the newest one when {@code to} is null. */
    List<ApplyResult> run(String to, String appliedBy) throws SQLException {
        return run(to, appliedBy, Approval.GRANTED, null);
    }

    /** As {@link #run(String, String)}, once {@code approval} approves what will run on {@code target}. */
    List<ApplyResult> run(String to, String appliedBy, Approval approval, String target) throws SQLException {
        List<HistoryRow> rows = history.rows();
        List<HistoryRow> applied = new ArrayList<>(rows.stream()
                .filter(r -> r.success() && !r.rolledBack() && !r.kind().equals("rollback")).toList());
        // A failed run kept with --no-revert (or whose reversal stopped) is taken back first: its statements stand.
        HistoryRow newest = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        if (newest != null && newest.incomplete() && newest.finishedAt() != null && newest.statementsApplied() > 0
                && newest.kind().equals("apply")) {
            applied.add(newest);
        }
        List<HistoryRow> undo = targets(applied, to);
        if (undo.isEmpty()) {
            return List.of(ApplyResult.upToDate(to == null ? "no applied version to roll back"
                    : "the target is at version " + to + "; nothing to roll back"));
        }
        List<List<HistoryStep>> steps = new ArrayList<>();
        Set<String> backups = BackupStore.present(connection);
        for (HistoryRow row : undo) {
            List<HistoryStep> standing = history.steps(row.rank()).stream().filter(HistoryStep::applied).toList();
            String refusal = refusal(row, standing, backups);
            if (refusal != null) {
                return List.of(new ApplyResult(ApplyResult.Outcome.REFUSED, row.version(), 0, standing.size(),
                        refusal, List.of()));
            }
            steps.add(standing);
        }
        List<Migration> reverses = new ArrayList<>();
        for (int i = 0; i < undo.size(); i++) {
            reverses.add(reverse(undo.get(i), steps.get(i)));
        }
        if (!approval.approves(new RollbackProposal(target, undo.stream().map(HistoryRow::version).toList(),
                reverses.stream().flatMap(m -> m.steps().stream()).map(HistoryStep::statement).toList()))) {
            return List.of(ApplyResult.declined(null, reverses.stream().mapToInt(Migration::statementCount).sum()));
        }
        List<ApplyResult> results = new ArrayList<>();
        for (int i = 0; i < undo.size(); i++) {
            HistoryRow row = undo.get(i);
            Migration reverse = reverses.get(i);
            ApplyResult result = executor.run(reverse, appliedBy);
            if (!result.ok()) {
                results.add(result);
                return results;
            }
            history.markRolledBack(row.rank());
            results.add(new ApplyResult(ApplyResult.Outcome.APPLIED, row.version(), result.statementsApplied(),
                    result.statementsTotal(), "rolled back version " + row.version() + " ("
                    + result.statementsTotal() + " statements)", List.of()));
        }
        return results;
    }

    /** The rows to undo, newest first. */
    private static List<HistoryRow> targets(List<HistoryRow> applied, String to) {
        if (to == null) {
            return applied.isEmpty() ? List.of() : List.of(applied.get(applied.size() - 1));
        }
        int at = -1;
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i).version().equals(to)) {
                at = i;
            }
        }
        if (at < 0) {
            throw StrataException.badInput("version " + to + " is not applied at the target; applied: "
                    + String.join(", ", applied.stream().map(HistoryRow::version).toList()));
        }
        List<HistoryRow> newer = new ArrayList<>(applied.subList(at + 1, applied.size()));
        Collections.reverse(newer);
        return newer;
    }

    /** Why the statements of {@code row} that stand cannot be taken back, or null when they can. */
    private static String refusal(HistoryRow row, List<HistoryStep> standing, Set<String> backups) {
        if (row.kind().equals("baseline")) {
            return "version " + row.version() + " is a baseline: it adopted the database as it was, and there is "
                    + "nothing recorded to undo; nothing was rolled back";
        }
        for (HistoryStep step : standing) {
            String obstacle = Reversal.obstacle(step, backups);
            if (obstacle != null) {
                return Migration.subject(row.kind(), row.version(), row.description()) + " cannot be rolled back: "
                        + obstacle + "; nothing was rolled back";
            }
        }
        return null;
    }

    /**
     * The reverses of {@code steps} in reverse order, as one migration: one transaction when every step
     * ran in one, else statement by statement, as the original ran.
     */
    private Migration reverse(HistoryRow row, List<HistoryStep> steps) {
        List<String> statements = new ArrayList<>();
        boolean transactional = dialect.transactionalDdl();
        for (int i = steps.size() - 1; i >= 0; i--) {
            statements.addAll(((Reverse.Sql) steps.get(i).undo().reverse()).statements());
            transactional &= steps.get(i).inTransaction();
        }
        List<Batch> batches = transactional ? List.of(new Batch(statements, true))
                : statements.stream().map(s -> new Batch(List.of(s), false)).toList();
        return Migration.of(row.version(), "rollback of version " + row.version(), "rollback", null, batches);
    }
}

package io.strata.migrate;

import io.strata.plan.Checksums;
import io.strata.dialect.HistoryDialect;
import io.strata.dialect.StatementClassifier;
import io.strata.dialect.StatementLanding;
import io.strata.plan.Backfill;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executor runs a migration's statements on a locked target and records each as it lands: a
 * transactional batch commits its statements and their history together (PostgreSQL), any other
 * statement runs alone and is marked applied right after, so a resumed run never repeats one.
 */
final class Executor {

    private final Connection connection;
    private final HistoryDialect dialect;
    private final HistoryTable history;
    private final StatementRunner runner;
    /** The statement that is running, so a failure can name it. */
    private HistoryStep failing;

    private final BackfillRunner backfills;
    /** Whether a failed planned apply takes back what it applied; see {@link Reversal}. */
    private final boolean revertOnFailure;

    Executor(Connection connection, HistoryDialect dialect, HistoryTable history, StatementRunner runner,
             BackfillRunner backfills, boolean revertOnFailure) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.runner = runner;
        this.backfills = backfills;
        this.revertOnFailure = revertOnFailure;
    }

    /** Records {@code migration} as started, then runs all of it. */
    ApplyResult run(Migration migration, String appliedBy) throws SQLException {
        int rank = history.start(migration, appliedBy);
        String subject = Migration.subject(migration.kind(), migration.version(), migration.description());
        return execute(rank, migration.version(), subject, migration.steps(), false, migration.kind());
    }

    /**
     * Runs the statements of {@code row} that have not run yet. The first of them may have been running
     * outside a transaction when the run before died, and may have finished after: the dialect is asked
     * whether it landed before it runs again.
     */
    ApplyResult resume(HistoryRow row) throws SQLException {
        history.reopen(row.rank());
        String subject = Migration.subject(row.kind(), row.version(), row.description());
        return execute(row.rank(), row.version(), subject, history.steps(row.rank()), true, row.kind());
    }

    /** {@code subject} names what runs in messages: {@code version 2}, or {@code repeatable "refresh views"}. */
    private ApplyResult execute(int rank, String version, String subject, List<HistoryStep> steps, boolean resumed,
                                String kind)
            throws SQLException {
        // Only the first statement left can have been running when the run before died, and only if it ran on its
        // own: a transactional batch commits its statements and their marks together.
        HistoryStep inFlight = !resumed ? null : steps.stream().filter(s -> !s.applied()).findFirst()
                .filter(s -> !(s.inTransaction() && dialect.transactionalDdl())).orElse(null);
        int total = steps.size();
        int applied = (int) steps.stream().filter(HistoryStep::applied).count();
        for (List<HistoryStep> batch : batches(steps)) {
            try {
                if (batch.get(0).inTransaction() && dialect.transactionalDdl()) {
                    runner.run(() -> inTransaction(rank, batch));
                    applied += batch.size();
                } else {
                    for (HistoryStep step : batch) {
                        failing = step;
                        Optional<Backfill> backfill = Backfill.parse(step.statement());
                        // A statement that finished after its run died only needs recording.
                        boolean landed = step == inFlight && backfill.isEmpty() && landed(step.statement());
                        if (backfill.isPresent()) {
                            // Batches commit on their own and retry on a lock timeout one by one.
                            backfills.run(rank, step, backfill.get());
                        } else if (!landed && StatementClassifier.changesRows(step.statement())) {
                            // Rows change in a transaction even where DDL cannot: the change and its mark commit
                            // together, so a run that dies in between never applies it twice.
                            runner.run(() -> inTransaction(rank, List.of(step)));
                            applied++;
                            continue;
                        } else if (!landed) {
                            runner.run(() -> execute(step.statement()));
                        }
                        history.markApplied(rank, List.of(step.ordinal()));
                        applied++;
                    }
                }
            } catch (SQLException e) {
                String error = subject + ", statement " + failing.ordinal() + " of " + total + " failed: "
                        + firstLine(e.getMessage()) + "\n  " + abbreviate(failing.statement());
                history.finish(rank, error);
                return failed(rank, version, total, error, kind.equals("apply"), dialect.isLockTimeout(e));
            }
        }
        history.finish(rank, null);
        return new ApplyResult(ApplyResult.Outcome.APPLIED, version, applied, total,
                "applied " + subject + " (" + total + " statements)", List.of());
    }

    /**
     * A run that failed: a planned apply is reverted unless the settings keep its partial state, or the statement
     * only gave way on a lock; a migration file, which records no reverses, keeps what ran (on PostgreSQL its
     * transaction has already been rolled back).
     */
    private ApplyResult failed(int rank, String version, int total, String error, boolean planned, boolean gaveWay)
            throws SQLException {
        if (!planned) {
            return new ApplyResult(ApplyResult.Outcome.FAILED, version, applied(rank), total, error, List.of());
        }
        if (!revertOnFailure || gaveWay) {
            // A statement that gave way on a lock is not wrong, only early: the run stays resumable (a backfill goes
            // on after its last batch) instead of being undone and redone.
            int standing = applied(rank);
            String why = gaveWay ? "it gave way on a lock after its retries: apply again to resume where it stopped"
                    : "--no-revert";
            return new ApplyResult(ApplyResult.Outcome.FAILED, version, standing, total, error + "\n  " + standing
                    + " statement(s) stand (" + why + "); strata rollback takes them back", List.of());
        }
        if (!failing.inTransaction() || !dialect.transactionalDdl()) {
            // A statement that failed on its own may leave something half made (an invalid index): clear it first.
            for (String cleanup : dialect.landing().check(connection, failing.statement()).cleanup()) {
                runner.run(() -> execute(cleanup));
            }
        }
        Reversal.Outcome reversal = new Reversal(connection, dialect, history, runner).run(rank);
        if (reversal.complete()) {
            history.markRolledBack(rank);
            return new ApplyResult(ApplyResult.Outcome.FAILED, version, 0, total, error + "\n  reverted: "
                    + (reversal.reverted() == 0 ? "no statement of it stands (its transaction was rolled back)"
                    : "the " + reversal.reverted() + " statement(s) that had run were taken back, newest first")
                    + "; the target is as the run found it", List.of());
        }
        String stopped = error + "\n  not reverted: " + reversal.problem() + "\n  statement(s) " + reversal.standing()
                + " of version " + version + " stand; fix the cause and run strata rollback to take them back, "
                + "or apply again to finish the run";
        history.finish(rank, stopped);
        return new ApplyResult(ApplyResult.Outcome.FAILED, version, reversal.standing().size(), total, stopped, List.of());
    }

    private int applied(int rank) throws SQLException {
        return (int) history.steps(rank).stream().filter(HistoryStep::applied).count();
    }

    /** Whether {@code sql}, in flight when the run before died, took effect; cleans up what it left half made. */
    private boolean landed(String sql) throws SQLException {
        StatementLanding.Verdict verdict = dialect.landing().check(connection, sql);
        for (String cleanup : verdict.cleanup()) {
            runner.run(() -> execute(cleanup));
        }
        return verdict.landed() == StatementLanding.Landed.YES;
    }

    private void inTransaction(int rank, List<HistoryStep> batch) throws SQLException {
        Transaction.run(connection, () -> {
            for (HistoryStep step : batch) {
                failing = step;
                execute(step.statement());
            }
            history.markApplied(rank, batch.stream().map(HistoryStep::ordinal).toList());
        });
    }

    private void execute(String sql) throws SQLException {
        Transaction.execute(connection, sql);
    }

    /** The steps still to run, grouped by batch in order. */
    private static List<List<HistoryStep>> batches(List<HistoryStep> steps) {
        Map<Integer, List<HistoryStep>> byBatch = new LinkedHashMap<>();
        for (HistoryStep step : steps) {
            if (!step.applied()) {
                byBatch.computeIfAbsent(step.batch(), b -> new ArrayList<>()).add(step);
            }
        }
        return new ArrayList<>(byBatch.values());
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A statement on one line, cut to 200 characters, for messages. */
    static String abbreviate(String sql) {
        String flat = Checksums.normalize(sql);
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }
}

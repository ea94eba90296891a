package io.strata.rollout;

import io.strata.migrate.ApplyMigration;
import io.strata.migrate.RollbackMigration;
import io.strata.migrate.NamedSchema;
import io.strata.model.Catalog;
import io.strata.dialect.Dialects;
import io.strata.dialect.JdbcUrls;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.plan.PhaseKind;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.HistoryRow;
import io.strata.migrate.TargetSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * EnvironmentMigration does one environment's part of a rollout: migrate it toward the version (or one
 * phase of its plan) with {@link ApplyMigration}, take the version back with {@link RollbackMigration}, or
 * check after a wave that it is reachable and records the version. The environment's own
 * {@code strata_history} decides what runs, so doing a part again never repeats a statement.
 */
final class EnvironmentMigration {

    /**
     * How a part ended.
     *
     * @param retry the target's migration lock was held (a server whose lease lapsed is still at work there):
     *              nothing ran, try again later
     */
    record Outcome(TaskState state, String message, boolean retry) {

        /** This outcome with {@code warning} (null: none) on a line of its own after its message. */
        Outcome warning(String warning) {
            return warning == null ? this : new Outcome(state, message == null ? warning : message + "\n" + warning, retry);
        }
    }

    private final Clients clients;
    private final TargetConnections connections;

    EnvironmentMigration(Clients clients, TargetConnections connections) {
        this.clients = clients;
        this.connections = connections;
    }

    /**
     * Migrates {@code environment} toward the version's schema, {@code desired}. Refused while a client
     * of an older version is live there and what runs would break it: the CONTRACT phase always, the whole
     * plan when the version breaks clients of the one before ({@code breaks}); EXPAND and MIGRATE keep the
     * old shape working.
     */
    Outcome apply(Rollout rollout, Environment environment, Catalog desired, List<String> breaks) {
        PhaseKind phase = rollout.phase() == null ? null : PhaseKind.valueOf(rollout.phase());
        // A repair goes back to the version the environment is at, which its clients already use.
        boolean breaking = !rollout.repair() && (phase == PhaseKind.CONTRACT || phase == null && !breaks.isEmpty());
        List<ClientVersion> older = !breaking ? List.of() : clients.live(environment.name()).stream()
                .filter(c -> c.subject().equals(rollout.subject())).filter(c -> c.olderThan(rollout.version())).toList();
        if (!older.isEmpty()) {
            String why = phase == PhaseKind.CONTRACT ? "its CONTRACT phase removes what clients of older versions use"
                    : "version " + rollout.version() + " breaks clients of older versions (" + String.join(", ", breaks) + ")";
            return new Outcome(TaskState.FAILED, "refused: " + why + " and these are live in " + environment.name() + ": "
                    + String.join(", ", older.stream().map(c -> c.service() + "/" + c.instance() + " (reads " + c.reads()
                    + ", writes " + c.writes() + ")").toList()), false);
        }
        try {
            NamedSchema version = new NamedSchema(rollout.subject() + " version " + rollout.version(), desired);
            ApplyResult result = new ApplyMigration().run(new ApplyMigration.Request(version,
                    connections.authenticatedUrl(environment), null, null, rollout.historyVersion(),
                    "rollout " + rollout.id() + ": " + rollout.subject() + " version " + rollout.version()
                            + (phase == null ? "" : " (" + phase + ")"),
                    ApplySettings.defaults(), false, false, false, null, phase));
            if (result.outcome() == ApplyResult.Outcome.LOCKED) {
                return new Outcome(TaskState.RUNNING, result.message(), true);
            }
            return new Outcome(result.ok() ? TaskState.SUCCEEDED : TaskState.FAILED, result.message(), false);
        } catch (RuntimeException e) {
            return new Outcome(TaskState.FAILED, JdbcUrls.redact(String.valueOf(e.getMessage())), false);
        }
    }

    /**
     * The version of {@code environment}'s server, as its driver reports it; empty when it cannot be reached, which
     * the migration that follows reports.
     */
    String serverVersion(Environment environment) {
        try (Connection connection = connections.probe(environment)) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Takes the rollout's version back on {@code environment}, only while it is the newest applied there: a
     * version applied after it would be taken back too, which this rollout has no say over.
     */
    Outcome takeBack(Rollout rollout, Environment environment) {
        try {
            Optional<HistoryRow> newest = newestApplied(environment);
            if (newest.isEmpty() || !ours(rollout, newest.get())) {
                boolean applied = history(environment).stream().anyMatch(r -> r.success() && !r.rolledBack() && ours(rollout, r));
                return !applied ? new Outcome(TaskState.ROLLED_BACK, what(rollout) + " is not applied there: nothing to take back", false)
                        : new Outcome(TaskState.ROLLBACK_FAILED, "not taken back: " + newest.get().version()
                        + (newest.get().phase() == null ? "" : " (" + newest.get().phase() + ")") + " was applied after "
                        + what(rollout) + "; roll that back first", false);
            }
            List<ApplyResult> results = new RollbackMigration().run(connections.authenticatedUrl(environment), null,
                    ApplySettings.defaults());
            if (results.stream().anyMatch(r -> r.outcome() == ApplyResult.Outcome.LOCKED)) {
                return new Outcome(TaskState.ROLLING_BACK, results.get(0).message(), true);
            }
            boolean ok = results.stream().allMatch(ApplyResult::ok);
            return new Outcome(ok ? TaskState.ROLLED_BACK : TaskState.ROLLBACK_FAILED,
                    String.join("\n", results.stream().map(ApplyResult::message).toList()), false);
        } catch (RuntimeException e) {
            return new Outcome(TaskState.ROLLBACK_FAILED, JdbcUrls.redact(String.valueOf(e.getMessage())), false);
        }
    }

    /**
     * Whether a history row is what {@code rollout} applied: its version, and its phase when it carried one (each
     * phase of a version is a row of its own, so taking back EXPAND while MIGRATE is applied must not take MIGRATE).
     */
    private static boolean ours(Rollout rollout, HistoryRow row) {
        return row.version().equals(rollout.historyVersion()) && Objects.equals(rollout.phase(), row.phase());
    }

    private static String what(Rollout rollout) {
        return rollout.historyVersion() + (rollout.phase() == null ? "" : " (" + rollout.phase() + ")");
    }

    /** Null when {@code environment} is reachable and records the rollout's version; else what is wrong. */
    String unhealthy(Rollout rollout, Environment environment) {
        try {
            boolean recorded = history(environment).stream()
                    .anyMatch(r -> r.version().equals(rollout.historyVersion()) && r.success() && !r.rolledBack());
            return recorded ? null : environment.name() + " does not record " + rollout.historyVersion() + " as applied";
        } catch (RuntimeException e) {
            return environment.name() + ": " + JdbcUrls.redact(String.valueOf(e.getMessage()));
        }
    }

    private Optional<HistoryRow> newestApplied(Environment environment) {
        // As Rollback reads it: a rollback is recorded as a row of its own, which is not a version to take back.
        List<HistoryRow> applied = history(environment).stream().filter(HistoryRow::success).filter(r -> !r.rolledBack())
                .filter(r -> !r.kind().equals("rollback")).toList();
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
    }

    /** The environment's history, read over a check's connection: a silent target fails in seconds, not at the read timeout of a migration. */
    private List<HistoryRow> history(Environment environment) {
        try (Connection connection = connections.probe(environment)) {
            return TargetSession.readHistory(Dialects.byName(environment.dialect()), connection, null);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.UNREACHABLE, "cannot read strata_history of environment \""
                    + environment.name() + "\": " + JdbcUrls.redact(String.valueOf(e.getMessage())), e);
        }
    }
}

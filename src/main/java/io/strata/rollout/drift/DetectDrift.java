package io.strata.rollout.drift;

import io.strata.audit.EventNames;
import io.strata.audit.EventSink;
import io.strata.compat.CompatibilityChecker;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.Finding;
import io.strata.compat.LabelledChanges;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.dialect.JdbcUrls;
import io.strata.dialect.LiveSchema;
import io.strata.diff.Differ;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.migrate.HistoryRow;
import io.strata.migrate.Planner;
import io.strata.migrate.TargetSession;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.lint.DestructiveAnalyzer;
import io.strata.plan.lint.LintPass;
import io.strata.rollout.Environment;
import io.strata.rollout.CredentialsRef;
import io.strata.rollout.RolloutException;
import io.strata.rollout.RolloutStore;
import io.strata.rollout.TargetConnections;
import io.strata.rollout.VersionLabel;
import io.strata.rollout.VersionSchemas;
import io.strata.registry.ReplayedSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * DetectDrift is the use case behind {@code POST /api/v1/environments/{id}/sync}: inspect the live schema of
 * an environment, compare it with the version its own {@code strata_history} says a rollout left it at, keep
 * the typed changes and the plan back to that version as the environment's drift report, and raise
 * {@code drift.detected} when there are any. One check of an environment runs at a time in this server, whether
 * a sync or the {@link DriftSchedule} asked for it.
 */
public final class DetectDrift {

    private final RolloutStore store;
    private final VersionSchemas versionSchemas;
    private final EventSink events;
    private final TargetConnections connections;
    /** Per environment, held while it is inspected: two checks at once would only race to save the same report. */
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    /** Environments whose last check or repair could not reach them, with why; in memory, this server's view. */
    private final Map<String, String> unreachable = new ConcurrentHashMap<>();

    /**
     * The way back for one environment: the version its history says it is at, both schemas, and the plan from
     * the live one to that version (empty when there is no drift).
     *
     * @param live        the inspected schema, without Strata's history tables: what the plan starts from
     * @param destructive whether a step of the plan loses stored data (it drops what was added by hand)
     */
    public record Repair(String environment, String subject, int version, Catalog live, Catalog expected,
                         MigrationPlan plan, boolean destructive) {
    }

    /**
     * @param versionSchemas the relational model of a subject's version as an environment's server prints it
     * @param connections    how this server reaches the environments' databases
     */
    public DetectDrift(RolloutStore store, VersionSchemas versionSchemas, EventSink events,
                       TargetConnections connections) {
        this.store = store;
        this.connections = connections;
        this.versionSchemas = versionSchemas;
        this.events = events;
    }

    /** Checks {@code name} now, after any check of it already running; keeps and returns the report. */
    public DriftReport check(String name) {
        Environment environment = environment(name);
        ReentrantLock guard = guard(name);
        guard.lock();
        return holding(guard, () -> checkHeld(environment));
    }

    /**
     * As {@link #check}, unless a check of {@code name} is running already: then nothing, since that check
     * reports the same schema (what the schedule wants, rather than queueing behind a sync).
     */
    public Optional<DriftReport> checkUnlessRunning(String name) {
        Environment environment = environment(name);
        ReentrantLock guard = guard(name);
        if (!guard.tryLock()) {
            return Optional.empty();
        }
        return holding(guard, () -> Optional.of(checkHeld(environment)));
    }

    /**
     * The plan that takes {@code name}'s live schema back to the version its history names, planned from the
     * schema as it is now (not from the last report, which may be stale); empty when no version was rolled out
     * there. Stores nothing and raises nothing: it is for a caller that applies the plan.
     */
    public Optional<Repair> repair(String name) {
        Environment environment = environment(name);
        ReentrantLock guard = guard(name);
        guard.lock();
        return holding(guard, () -> compare(environment).filter(c -> c.phasesLeft() == null).map(c -> repairOf(environment, c)));
    }

    /** The latest report of every environment checked, by environment, in one read: what metrics show. */
    public Map<String, DriftReport> latestAll() {
        return store.transaction(tx -> tx.drift().latestAll());
    }

    public Optional<DriftReport> latest(String name) {
        return store.transaction(tx -> tx.drift().latest(name));
    }

    /** Why the last check or repair of {@code name} in this server could not reach it, if it could not. */
    public Optional<String> unreachable(String name) {
        return Optional.ofNullable(unreachable.get(name));
    }

    private DriftReport checkHeld(Environment environment) {
        String name = environment.name();
        Optional<Comparison> compared = compare(environment);
        DriftReport report;
        if (compared.isEmpty()) {
            report = new DriftReport(name, null, null, List.of(), "no version was rolled out here: nothing to compare with",
                    null, Instant.now());
        } else if (compared.get().phasesLeft() != null) {
            Comparison c = compared.get();
            report = new DriftReport(name, c.subject(), c.version(), List.of(), c.subject() + "@" + c.version()
                    + " is being rolled out phase by phase; still to come: " + c.phasesLeft()
                    + ". The schema is compared once every phase is applied", null, Instant.now());
        } else {
            Comparison c = compared.get();
            List<Finding> findings = CompatibilityChecker.check(CompatibilityLevel.NONE, List.of(new LabelledChanges(
                    c.subject() + "@" + c.version(), "live", Differ.diff(c.expected(), c.live()))), environment.dialect()).findings();
            report = new DriftReport(name, c.subject(), c.version(), findings.stream().map(DriftChange::of).toList(), c.warning(),
                    repairPlan(environment, c), Instant.now());
        }
        store.transaction(tx -> {
            tx.drift().save(report);
            return null;
        });
        if (report.drifted()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("environment", name);
            data.put("subject", report.subject());
            data.put("version", report.version());
            data.put("changes", report.changes());
            events.publish(EventNames.DRIFT_DETECTED, data);
        }
        return report;
    }

    /**
     * What a check compares: the version the history names and the schema it should have, with the live one;
     * or, in {@code phasesLeft}, the phases of that version still to be rolled out (nothing is compared then).
     *
     * @param warning why the comparison may show differences only in how two servers print the same thing, or null
     */
    private record Comparison(String subject, int version, Catalog live, Catalog expected, String phasesLeft, String warning) {
    }

    /**
     * Inspects the environment; empty when no rollout left a version there. The version is compared as the
     * environment's own major prints it (replayed on that major once per version), after the connection is closed.
     */
    private Optional<Comparison> compare(Environment environment) {
        Optional<RolledOut> applied;
        Catalog live = null;
        Connection opened;
        try {
            opened = connections.probe(environment);
        } catch (StrataException | CredentialsRef.CredentialsException e) {
            throw markUnreachable(environment, e);
        }
        try (Connection connection = opened) {
            applied = lastRolledOut(environment, connection);
            if (applied.isPresent() && applied.get().phasesLeft() == null) {
                live = LiveSchema.withoutHistory(Dialects.byName(environment.dialect()).inspector().inspect(connection, List.of()));
            }
        } catch (SQLException e) {
            throw markUnreachable(environment, e);
        }
        unreachable.remove(environment.name());
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        RolledOut at = applied.get();
        if (at.phasesLeft() != null) {
            return Optional.of(new Comparison(at.subject(), at.version(), null, null, at.phasesLeft(), null));
        }
        ReplayedSchema expected = versionSchemas.forServer(at.subject(), at.version(), live.serverVersion());
        return Optional.of(new Comparison(at.subject(), at.version(), live, expected.catalog(), null, expected.warning()));
    }

    /** Remembers that {@code environment} could not be reached, and why, for /metrics and the next check. */
    private StrataException markUnreachable(Environment environment, Exception e) {
        String message = "environment \"" + environment.name() + "\" cannot be reached: "
                + JdbcUrls.redact(String.valueOf(e.getMessage()));
        unreachable.put(environment.name(), message);
        return new StrataException(ErrorCode.UNREACHABLE, message, e);
    }

    private static Repair repairOf(Environment environment, Comparison c) {
        Dialect dialect = Dialects.byName(environment.dialect());
        List<SchemaChange> back = Differ.diff(c.live(), c.expected());
        MigrationPlan plan = Planner.plan(c.live(), c.expected(), back, dialect, c.live().serverVersion());
        // The lint rule that flags data loss decides, so "destructive" means here what it means to a plan's review.
        boolean destructive = !new DestructiveAnalyzer().analyze(new LintPass(plan, c.live(), c.expected(), back)).isEmpty();
        return new Repair(environment.name(), c.subject(), c.version(), c.live(), c.expected(), plan, destructive);
    }

    private static RepairPlan repairPlan(Environment environment, Comparison c) {
        try {
            Repair repair = repairOf(environment, c);
            return RepairPlan.of(repair.plan(), repair.destructive());
        } catch (StrataException unplannable) {
            // Drift the planner cannot reverse (a table option it does not plan, say) still gets its report of
            // changes; the plan back says why there is none rather than failing the whole check.
            return RepairPlan.unplannable(unplannable.getMessage());
        }
    }

    private Environment environment(String name) {
        return store.transaction(tx -> tx.environments().named(name)).orElseThrow(() -> new RolloutException(
                RolloutException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + name + "\" not found"));
    }

    /** Callers look the environment up first, so that unknown names sent to the API leave no guard behind. */
    private ReentrantLock guard(String name) {
        return running.computeIfAbsent(name, n -> new ReentrantLock());
    }

    /** Runs {@code work} and releases {@code guard}, which the caller acquired. */
    private static <T> T holding(ReentrantLock guard, Supplier<T> work) {
        try {
            return work.get();
        } finally {
            guard.unlock();
        }
    }

    /**
     * What the newest rollout left in the environment's history: {@code subject@version} of its newest
     * successful row not rolled back, and, when that version was applied phase by phase and some phases
     * are still to come, which: the live schema is then half way by design, not drifted.
     */
    private record RolledOut(String subject, int version, String phasesLeft) {
    }

    private static Optional<RolledOut> lastRolledOut(Environment environment, Connection connection) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>(TargetSession.readHistory(Dialects.byName(environment.dialect()),
                connection, null).stream().filter(r -> r.success() && !r.rolledBack()).toList());
        Collections.reverse(rows);
        for (HistoryRow row : rows) {
            Optional<VersionLabel> label = VersionLabel.parse(row.version());
            if (label.isPresent()) {
                return Optional.of(new RolledOut(label.get().subject(), label.get().version(), row.phase() == null ? null
                        : phasesLeft(rows.stream().filter(r -> r.version().equals(row.version())).toList())));
            }
        }
        return Optional.empty();
    }

    /** The phases of a version's recorded plan that its rows do not show applied, or null when none is left. */
    private static String phasesLeft(List<HistoryRow> rowsOfVersion) {
        Set<String> applied = new HashSet<>();
        HistoryRow recorded = null;
        for (HistoryRow r : rowsOfVersion) {
            applied.add(r.phase());
            recorded = r.planJson() != null ? r : recorded;
        }
        if (recorded == null) {
            return null;
        }
        List<String> left = recorded.plannedPhases().stream().sorted()
                .map(Enum::name).filter(k -> !applied.contains(k)).toList();
        return left.isEmpty() ? null : String.join(", ", left);
    }
}

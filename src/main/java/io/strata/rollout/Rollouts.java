package io.strata.rollout;

import io.strata.rollout.drift.DetectDrift;
import io.strata.audit.EventNames;
import io.strata.audit.EventSink;
import io.strata.registry.AuditDetails;
import io.strata.registry.RegistryException;
import io.strata.registry.VersionLookup;
import io.strata.model.Catalog;
import io.strata.model.SubjectFormat;
import io.strata.plan.PhaseKind;
import io.strata.rollout.drift.DriftReport;
import io.strata.registry.Subject;
import io.strata.registry.SchemaVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Rollouts is the use case behind carrying a version of a SQL subject (or one phase of its plan) to
 * environments: checked when created (promotion order, phase order, drift, the plan's lint under each tier's
 * policy), then run in the background by the servers' {@link RolloutWorker}s, wave by wave, and paused,
 * resumed, aborted or rolled back by the operator. Its state lives in the store; each environment's own
 * {@code strata_history} is the truth about what was applied there.
 */
public final class Rollouts implements AutoCloseable {

    private static final int DEFAULT_CONCURRENCY = 10;

    private final RolloutStore store;
    private final EventSink events;
    private final BiFunction<String, Integer, Catalog> versionSchema;
    private final DetectDrift drift;
    private final RolloutWorker worker;
    private final TargetConnections connections;

    /**
     * @param breaksOlderClients what a subject's version breaks for clients of the version before it, as
     *                           {@code CODE at location} lines (empty when nothing)
     * @param versionSchema      the relational model of a subject's version
     */
    public Rollouts(RolloutStore store, EventSink events, Clients clients, DetectDrift drift,
                    BiFunction<String, Integer, List<String>> breaksOlderClients,
                    BiFunction<String, Integer, Catalog> versionSchema, TargetConnections connections) {
        this.store = store;
        this.connections = connections;
        this.events = events;
        this.drift = drift;
        this.versionSchema = versionSchema;
        EnvironmentMigration migration = new EnvironmentMigration(clients, connections);
        this.worker = new RolloutWorker(store, migration, new RolloutProgress(store, events, migration), versionSchema,
                breaksOlderClients, drift);
    }

    /**
     * Starts this server's share of the work: rollouts left RUNNING or ROLLING_BACK by a stopped server go on
     * (environments already done are up to date), and environments another server holds are taken over
     * when {@code lease} passes without it renewing them.
     */
    public void start(Duration lease) {
        worker.leaseFor(lease);
        worker.start();
    }

    public Rollout create(RolloutRequest request, String actor) {
        PhaseKind phase = phase(request.phase());
        BetweenWaves between;
        try {
            between = BetweenWaves.parse(request.betweenWaves());
        } catch (IllegalArgumentException e) {
            throw RolloutTargets.invalid(e.getMessage());
        }
        int concurrency = request.concurrency() == null ? DEFAULT_CONCURRENCY : request.concurrency();
        int threshold = request.failureThreshold() == null ? 1 : request.failureThreshold();
        if (concurrency < 1 || threshold < 1) {
            throw RolloutTargets.invalid("concurrency and failureThreshold must be 1 or more");
        }
        // The plan is read (and the DDL replayed if not cached) before the write lock, which other writers wait on.
        Prepared prepared = store.transaction(tx -> prepare(tx, request));
        Catalog after = versionSchema.apply(prepared.subject().name(), prepared.version().version());
        Catalog before = prepared.previous() == null ? null : versionSchema.apply(prepared.subject().name(), prepared.previous());
        String label = prepared.subject().name() + "@" + prepared.version().version();
        RolloutPreflight.Checked checked = RolloutPreflight.check(label, before, after, phase, prepared.targets());
        refuseUnreachable(prepared.targets());
        return store.transaction(tx -> {
            tx.lockForWrite();
            Subject subject = prepared.subject();
            SchemaVersion version = prepared.version();
            List<Environment> all = tx.environments().all();
            List<Environment> targets = RolloutTargets.choose(all, request, subject.dialect());
            String what = label + (phase == null ? "" : " (" + phase + ")");
            PhaseKind promoted = phase != null ? phase : checked.last();
            RolloutTargets.checkPromotion(all, targets, tx.rollouts().succeeded(subject.name(), version.version(),
                    promoted == null ? null : promoted.name()), what);
            PhaseKind earlier = phase == null ? null : checked.before(phase);
            if (earlier != null) {
                Set<String> done = tx.rollouts().succeeded(subject.name(), version.version(), earlier.name());
                List<String> missing = targets.stream().map(Environment::name).filter(n -> !done.contains(n)).toList();
                if (!missing.isEmpty()) {
                    throw RolloutTargets.invalid(label + "'s " + phase + " phase comes after " + earlier + ", which has not "
                            + "succeeded on " + String.join(", ", missing) + ": roll " + earlier + " out there first");
                }
            }
            if (!request.force()) {
                refuseDrifted(tx, targets);
            }
            List<Rollout.Task> tasks = RolloutTargets.waves(targets, request.waves() == null ? List.of() : request.waves());
            Rollout rollout = new Rollout(tx.nextRowId(), subject.name(), version.version(), phase == null ? null : phase.name(),
                    RolloutState.CREATED, null, request.waves() == null ? List.of() : request.waves(), concurrency, threshold,
                    between, 0, checked.json(), false, actor, Instant.now(), tasks);
            tx.rollouts().insert(rollout);
            tx.audit().append(actor, "rollout.created", "rollout/" + rollout.id(), null, version.fingerprint(), AuditDetails.of("subject",
                    subject.name(), "version", version.version(), "phase", rollout.phase(), "environments", tasks.size()));
            return rollout;
        });
    }

    /**
     * Creates a rollout that takes a drifted environment back to the version its history says it is at: the
     * plan from its live schema to that version (the drift report's plan back, planned afresh), checked under
     * the environment's policy like any rollout (a repair that drops a column added by hand is refused where
     * destructive steps are) and run like any rollout once executed. When it succeeds the environment is
     * checked again, so its drift report clears.
     */
    public Rollout repair(String environment, String actor) {
        Environment target = store.transaction(tx -> tx.environments().named(environment)).orElseThrow(() -> new RolloutException(
                RolloutException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + environment + "\" not found"));
        boolean drifted = store.transaction(tx -> tx.drift().latest(environment)).map(r -> r.drifted()).orElse(false);
        if (!drifted) {
            throw conflict("environment \"" + environment + "\" has no drift to repair: its last check found none (sync it first)");
        }
        DetectDrift.Repair repair = drift.repair(environment).orElseThrow(() -> conflict("environment \"" + environment
                + "\" has no version rolled out to go back to"));
        if (repair.plan().isEmpty()) {
            throw conflict("environment \"" + environment + "\" is at " + repair.subject() + "@" + repair.version()
                    + " again: nothing to repair (sync it to clear the report)");
        }
        String label = repair.subject() + "@" + repair.version() + " (repairing " + environment + ")";
        RolloutPreflight.Checked checked = RolloutPreflight.check(label, repair.live(), repair.expected(), null, List.of(target));
        return store.transaction(tx -> {
            tx.lockForWrite();
            Rollout rollout = new Rollout(tx.nextRowId(), repair.subject(), repair.version(), null, RolloutState.CREATED,
                    "repairs the drift of " + environment + ": back to " + repair.subject() + "@" + repair.version(), List.of(),
                    1, 1, BetweenWaves.NONE, 0, checked.json(), true, actor, Instant.now(), List.of(Rollout.Task.pending(environment, 1)));
            tx.rollouts().insert(rollout);
            tx.audit().append(actor, "rollout.created", "rollout/" + rollout.id(), null, null, AuditDetails.of("repair", environment));
            return rollout;
        });
    }

    /** The subject, the version and the one before it, and the targets, read before the write lock. */
    private record Prepared(Subject subject, SchemaVersion version, Integer previous, List<Environment> targets) {
    }

    private static Prepared prepare(RolloutTransaction tx, RolloutRequest request) {
        Subject subject = tx.subjects().byName(request.subject() == null ? "" : request.subject()).orElseThrow(() ->
                new RegistryException(RegistryException.Reason.SUBJECT_NOT_FOUND, "subject \"" + request.subject() + "\" not found"));
        if (subject.format() != SubjectFormat.SQL) {
            throw RolloutTargets.invalid("subject \"" + subject.name() + "\" holds " + subject.format()
                    + " schemas; rollouts carry SQL subjects to databases");
        }
        List<SchemaVersion> versions = tx.versions().of(subject.id(), "main", false);
        SchemaVersion version = VersionLookup.find(subject, versions, "main", request.version() == null ? "latest" : request.version());
        Integer previous = versions.stream().map(SchemaVersion::version).filter(v -> v < version.version())
                .max(Integer::compare).orElse(null);
        return new Prepared(subject, version, previous, RolloutTargets.choose(tx.environments().all(), request, subject.dialect()));
    }

    private void refuseUnreachable(List<Environment> targets) {
        List<String> down = TargetReachability.unreachable(targets, connections);
        if (!down.isEmpty()) {
            throw new RolloutException(RolloutException.Reason.TARGETS_UNREACHABLE, down.size() + " of the rollout's "
                    + targets.size() + " environment(s) cannot be reached; nothing ran: " + String.join("; ", down),
                    Map.of("unreachable", down));
        }
    }

    /** Refuses a target whose last drift check found changes; every report read at once, under the write lock. */
    private static void refuseDrifted(RolloutTransaction tx, List<Environment> targets) {
        Map<String, DriftReport> reports = tx.drift().latestAll();
        for (Environment e : targets) {
            DriftReport drift = reports.get(e.name());
            if (drift != null && drift.drifted()) {
                throw new RolloutException(RolloutException.Reason.DRIFTED, "environment \"" + e.name() + "\" has drifted ("
                        + drift.changes() + " change(s) from " + drift.subject() + "@" + drift.version()
                        + ", checked " + drift.checkedAt() + "): resolve it and sync again, or force the rollout");
            }
        }
    }

    /**
     * The phases of the plan that takes {@code subject} from the version before {@code version} to it, in order:
     * more than one means it can be promoted phase by phase.
     */
    public List<PhaseKind> phases(String subject, String version) {
        Prepared prepared = store.transaction(tx -> prepare(tx, new RolloutRequest(subject, version, null, null, null, null,
                null, null, null, false)));
        Catalog after = versionSchema.apply(subject, prepared.version().version());
        return RolloutPreflight.phases(prepared.previous() == null ? null : versionSchema.apply(subject, prepared.previous()), after);
    }

    public Rollout get(long id) {
        return store.transaction(tx -> tx.rollouts().get(id)).orElseThrow(() -> notFound(id));
    }

    public List<Rollout> list(int limit) {
        return store.transaction(tx -> tx.rollouts().list(Math.max(1, Math.min(limit, 500))));
    }

    /**
     * Starts a CREATED rollout, or resumes a PAUSED one: environments that failed are tried again, and the
     * wave it paused before may start. The servers' workers pick it up; its status shows progress.
     */
    public Rollout execute(long id, String actor) {
        Rollout rollout = store.transaction(tx -> {
            tx.lockForWrite();
            Rollout r = tx.rollouts().get(id).orElseThrow(() -> notFound(id));
            if (!r.state().canMoveTo(RolloutState.RUNNING)) {
                throw conflict("rollout " + id + " is " + r.state() + "; only a " + String.join(" or ",
                        RolloutState.before(RolloutState.RUNNING).stream().map(Enum::name).toList())
                        + " rollout can be executed or resumed");
            }
            tx.rollouts().resetTasks(id, TaskState.FAILED, TaskState.PENDING);
            Integer current = tx.rollouts().currentWave(id, true);
            tx.rollouts().openWave(id, r.betweenWaves() == BetweenWaves.NONE ? Integer.MAX_VALUE : current == null ? 1 : current);
            tx.rollouts().setState(id, RolloutState.RUNNING, null);
            tx.audit().append(actor, r.state() == RolloutState.CREATED ? "rollout.started" : "rollout.resumed", "rollout/" + id,
                    null, null, null);
            return r;
        });
        if (rollout.state() == RolloutState.CREATED) {
            events.publish(EventNames.MIGRATION_STARTED, RolloutProgress.data(rollout, Map.of("environments", rollout.tasks().size())));
        }
        worker.wake();
        return get(id);
    }

    /**
     * Stops a RUNNING rollout from starting more environments (those already running finish), or holds a
     * CREATED one; execute resumes it. Pausing a PAUSED rollout changes nothing.
     */
    public Rollout pause(long id, String actor) {
        if (get(id).state() != RolloutState.PAUSED) {
            transition(id, actor, RolloutState.PAUSED, "paused by " + actor, "rollout.paused");
        }
        return get(id);
    }

    /** Stops a rollout for good; environments already migrated stay migrated (roll them back first if they should not). */
    public Rollout abort(long id, String actor) {
        transition(id, actor, RolloutState.ABORTED, "aborted by " + actor, "rollout.aborted");
        return get(id);
    }

    /**
     * Takes the version back on every environment where the rollout migrated it, newest wave first (the
     * reverse of the promotion order). A running rollout must be paused first, so nothing moves forward
     * while it goes back.
     */
    public Rollout rollback(long id, String actor) {
        store.transaction(tx -> {
            // A rollback asked again retries the environments that could not be taken back the first time.
            tx.rollouts().resetTasks(id, TaskState.ROLLBACK_FAILED, TaskState.SUCCEEDED);
            transition(tx, id, actor, RolloutState.ROLLING_BACK, "rolling back, requested by " + actor, "rollout.rollback_started");
            return null;
        });
        worker.wake();
        return get(id);
    }

    private void transition(long id, String actor, RolloutState to, String note, String action) {
        store.transaction(tx -> {
            transition(tx, id, actor, to, note, action);
            return null;
        });
    }

    private static void transition(RolloutTransaction tx, long id, String actor, RolloutState to, String note,
                                   String action) {
        tx.lockForWrite();
        Rollout r = tx.rollouts().get(id).orElseThrow(() -> notFound(id));
        if (!r.state().canMoveTo(to)) {
            throw conflict("rollout " + id + " is " + r.state() + "; it can be " + to.name().toLowerCase(Locale.ROOT)
                    + " only when " + String.join(" or ", RolloutState.before(to).stream().map(Enum::name).toList())
                    + (to == RolloutState.ROLLING_BACK && r.state() == RolloutState.RUNNING ? ": pause it first" : ""));
        }
        tx.rollouts().setState(id, to, note);
        tx.audit().append(actor, action, "rollout/" + id, null, null, null);
    }

    private static PhaseKind phase(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return PhaseKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RolloutTargets.invalid("phase \"" + text + "\" is not one of EXPAND, MIGRATE, CONTRACT (or leave it out for the whole plan)");
        }
    }

    private static RolloutException notFound(long id) {
        return new RolloutException(RolloutException.Reason.ROLLOUT_NOT_FOUND, "rollout " + id + " not found");
    }

    private static RolloutException conflict(String message) {
        return new RolloutException(RolloutException.Reason.EXISTS, message);
    }

    @Override
    public void close() {
        worker.close();
    }
}

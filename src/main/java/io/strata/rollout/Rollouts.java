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
    private final VersionSchemas versionSchema;
    private final DetectDrift drift;
    private final RolloutWorker worker;
    private final RolloutApprovals approvals;
    private final TargetConnections connections;

    /**
     * @param breaksOlderClients what a subject's version breaks for clients of the version before it, as
     *                           {@code CODE at location} lines (empty when nothing)
     * @param versionSchema      the relational model of a subject's version, as registered or as an environment's server prints it
     */
    public Rollouts(RolloutStore store, EventSink events, Clients clients, DetectDrift drift,
                    BiFunction<String, Integer, List<String>> breaksOlderClients,
                    VersionSchemas versionSchema, TargetConnections connections) {
        this.store = store;
        this.connections = connections;
        this.events = events;
        this.drift = drift;
        this.versionSchema = versionSchema;
        this.approvals = new RolloutApprovals(store);
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

    /**
     * Creates a rollout, CREATED, or PENDING_APPROVAL when its risk needs approvals in a target's tier. Only an
     * operator who may release to production creates one that touches a production environment.
     */
    public Rollout create(RolloutRequest request, Operator operator) {
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
        TargetPolicies.refuseUnlessReleaser(prepared.targets(), operator, "create a rollout to");
        String label = prepared.label();
        RolloutPreflight.Checked checked = preflight(prepared, phase, prepared.targets());
        refuseUnreachable(prepared.targets());
        return store.transaction(tx -> {
            tx.lockForWrite();
            Subject subject = prepared.subject();
            SchemaVersion version = prepared.version();
            List<Environment> all = tx.environments().all();
            List<Environment> targets = RolloutTargets.choose(all, request, subject.dialect());
            // Read again under the lock: an environment added meanwhile may be production.
            TargetPolicies.refuseUnlessReleaser(targets, operator, "create a rollout to");
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
            Review review = TargetPolicies.review(checked, targets);
            Rollout rollout = new Rollout(tx.nextRowId(), subject.name(), version.version(), phase == null ? null : phase.name(),
                    initial(review), note(review, targets, null), request.waves() == null ? List.of() : request.waves(), concurrency,
                    threshold, between, 0, checked.json(), review, false, operator.name(), operator.person(), Instant.now(), tasks);
            tx.rollouts().insert(rollout);
            tx.audit().append(operator.name(), "rollout.created", "rollout/" + rollout.id(), null, version.fingerprint(),
                    AuditDetails.of("subject", subject.name(), "version", version.version(), "phase", rollout.phase(), "environments",
                            tasks.size(), "risk", review.risk().name(), "requiredApprovals", review.requiredApprovals()));
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
    public Rollout repair(String environment, Operator operator) {
        Environment target = store.transaction(tx -> tx.environments().named(environment)).orElseThrow(() -> new RolloutException(
                RolloutException.Reason.ENVIRONMENT_NOT_FOUND, "environment \"" + environment + "\" not found"));
        TargetPolicies.refuseUnlessReleaser(List.of(target), operator, "repair");
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
        RolloutPreflight.Checked checked = repairPreflight(environment, repair, target);
        Review review = TargetPolicies.review(checked, List.of(target));
        return store.transaction(tx -> {
            tx.lockForWrite();
            Rollout rollout = new Rollout(tx.nextRowId(), repair.subject(), repair.version(), null, initial(review),
                    note(review, List.of(target), "repairs the drift of " + environment + ": back to " + repair.subject() + "@"
                            + repair.version()), List.of(), 1, 1, BetweenWaves.NONE, 0, checked.json(), review, true, operator.name(), operator.person(),
                    Instant.now(), List.of(Rollout.Task.pending(environment, 1)));
            tx.rollouts().insert(rollout);
            tx.audit().append(operator.name(), "rollout.created", "rollout/" + rollout.id(), null, null, AuditDetails.of("repair",
                    environment, "risk", review.risk().name(), "requiredApprovals", review.requiredApprovals()));
            return rollout;
        });
    }

    private static RolloutPreflight.Checked repairPreflight(String environment, DetectDrift.Repair repair, Environment target) {
        return RolloutPreflight.check(repair.subject() + "@" + repair.version() + " (repairing " + environment + ")", repair.live(),
                repair.expected(), null, List.of(target));
    }

    /** The preflight of the plan from the version before {@code prepared}'s to it, for {@code targets}. */
    private RolloutPreflight.Checked preflight(Prepared prepared, PhaseKind phase, List<Environment> targets) {
        Catalog after = versionSchema.registered(prepared.subject().name(), prepared.version().version());
        Catalog before = prepared.previous() == null ? null : versionSchema.registered(prepared.subject().name(), prepared.previous());
        return RolloutPreflight.check(prepared.label(), before, after, phase, targets);
    }

    private static RolloutState initial(Review review) {
        return review.requiredApprovals() > 0 ? RolloutState.PENDING_APPROVAL : RolloutState.CREATED;
    }

    /** The note a new rollout starts with: what it waits for, after what it is ({@code what}, or null). */
    private static String note(Review review, List<Environment> targets, String what) {
        String waiting = review.requiredApprovals() > 0 ? RolloutApprovals.waiting(review, 0, targets) : null;
        return what == null ? waiting : waiting == null ? what : what + "; " + waiting;
    }

    /** The subject, the version and the one before it, and the targets, read before the write lock. */
    private record Prepared(Subject subject, SchemaVersion version, Integer previous, List<Environment> targets) {

        String label() {
            return subject.name() + "@" + version.version();
        }
    }

    private static Prepared prepare(RolloutTransaction tx, RolloutRequest request) {
        Prepared versions = versions(tx, request.subject(), request.version());
        return new Prepared(versions.subject(), versions.version(), versions.previous(),
                RolloutTargets.choose(tx.environments().all(), request, versions.subject().dialect()));
    }

    /** The subject, its version named {@code version} (a number or latest) and the one before it, as the registry has them now. */
    private static Prepared versions(RolloutTransaction tx, String name, String version) {
        Subject subject = tx.subjects().byName(name == null ? "" : name).orElseThrow(() ->
                // The usual first try: a rollout before anything was registered. Say what is missing and how to add it.
                new RegistryException(RegistryException.Reason.SUBJECT_NOT_FOUND, "subject \"" + name + "\" has no registered"
                        + " version to roll out: register its SQL first (strata register " + name + " schema.sql --server URL)"));
        if (subject.format() != SubjectFormat.SQL) {
            throw RolloutTargets.invalid("subject \"" + subject.name() + "\" holds " + subject.format()
                    + " schemas; rollouts carry SQL subjects to databases");
        }
        List<SchemaVersion> versions = tx.versions().of(subject.id(), "main", false);
        SchemaVersion found = VersionLookup.find(subject, versions, "main", version == null ? "latest" : version);
        Integer previous = versions.stream().map(SchemaVersion::version).filter(v -> v < found.version())
                .max(Integer::compare).orElse(null);
        return new Prepared(subject, found, previous, List.of());
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
        Catalog after = versionSchema.registered(subject, prepared.version().version());
        return RolloutPreflight.phases(prepared.previous() == null ? null : versionSchema.registered(subject, prepared.previous()), after);
    }

    public Rollout get(long id) {
        return store.transaction(tx -> tx.rollouts().get(id)).orElseThrow(() -> notFound(id));
    }

    public List<Rollout> list(int limit) {
        return store.transaction(tx -> tx.rollouts().list(Math.max(1, Math.min(limit, 500))));
    }

    /**
     * Starts a CREATED rollout, or resumes a PAUSED one: environments that failed are tried again, and the
     * wave it paused before may start. The servers' workers pick it up; its status shows progress. Before it
     * first starts, its plan is checked again from the same inputs (the version before it, as the registry has it
     * now; a repair's live schema): a plan that is not the one reviewed voids the approvals, and the rollout waits
     * for new ones (PLAN_CHANGED). A rollout waiting for approvals does not start (APPROVALS_MISSING).
     */
    public Rollout execute(long id, Operator operator) {
        Rollout read = get(id);
        List<Environment> targets = store.transaction(tx -> RolloutApprovals.targets(tx, read));
        TargetPolicies.refuseUnlessReleaser(targets, operator, (read.state() == RolloutState.PAUSED ? "resume" : "execute")
                + " rollout " + id + " on");
        // Paused before it ever started (open wave 0), it starts now as much as a CREATED one does.
        boolean neverStarted = read.openWave() == 0 && (read.state() == RolloutState.CREATED || read.state() == RolloutState.PAUSED);
        if (neverStarted && !targets.isEmpty()) {
            RolloutPreflight.Checked again = checkAgain(read, targets);
            if (again != null && !again.planChecksum().equals(read.review().planChecksum())) {
                approvals.revise(read, again, targets, operator);
            }
        }
        Rollout rollout = store.transaction(tx -> {
            tx.lockForWrite();
            Rollout r = tx.rollouts().get(id).orElseThrow(() -> notFound(id));
            if (r.state() == RolloutState.PENDING_APPROVAL || r.openWave() == 0 && r.state().canMoveTo(RolloutState.RUNNING)) {
                approvals.refuseUnapproved(tx, r);
            }
            if (!r.state().canMoveTo(RolloutState.RUNNING)) {
                throw conflict("rollout " + id + " is " + r.state() + "; only a " + String.join(" or ",
                        RolloutState.before(RolloutState.RUNNING).stream().map(Enum::name).toList())
                        + " rollout can be executed or resumed");
            }
            tx.rollouts().resetTasks(id, TaskState.FAILED, TaskState.PENDING);
            Integer current = tx.rollouts().currentWave(id, true);
            tx.rollouts().openWave(id, r.betweenWaves() == BetweenWaves.NONE ? Integer.MAX_VALUE : current == null ? 1 : current);
            tx.rollouts().setState(id, RolloutState.RUNNING, null);
            tx.audit().append(operator.name(), r.state() == RolloutState.CREATED ? "rollout.started" : "rollout.resumed", "rollout/" + id,
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
     * The plan of rollout {@code r} checked again from the same inputs as when it was created, for {@code targets};
     * null when there is nothing to check it against (a repair of an environment with no version rolled out any more).
     */
    private RolloutPreflight.Checked checkAgain(Rollout r, List<Environment> targets) {
        if (r.repair()) {
            String environment = targets.get(0).name();
            return drift.repair(environment).map(repair -> repairPreflight(environment, repair, targets.get(0))).orElse(null);
        }
        Prepared prepared = store.transaction(tx -> versions(tx, r.subject(), Integer.toString(r.version())));
        return preflight(prepared, phase(r.phase()), targets);
    }

    /**
     * Approves rollout {@code id} (waiting in PENDING_APPROVAL) as {@code operator}, who must not be its creator;
     * the same person approving twice counts once. Once it has the approvals its review needs, it is CREATED.
     */
    public ApprovalOutcome approve(long id, String comment, Operator operator) {
        return approvals.approve(id, comment, operator);
    }

    /** Where rollout {@code id} stands with its approvals. */
    public ApprovalStatus approvals(long id) {
        return approvals.status(id);
    }

    /**
     * Stops a RUNNING rollout from starting more environments (those already running finish), or holds a
     * CREATED one; execute resumes it. Pausing a PAUSED rollout changes nothing.
     */
    public Rollout pause(long id, Operator operator) {
        if (get(id).state() != RolloutState.PAUSED) {
            transition(id, operator.name(), RolloutState.PAUSED, "paused by " + operator.name(), "rollout.paused");
        }
        return get(id);
    }

    /** Stops a rollout for good; environments already migrated stay migrated (roll them back first if they should not). */
    public Rollout abort(long id, Operator operator) {
        transition(id, operator.name(), RolloutState.ABORTED, "aborted by " + operator.name(), "rollout.aborted");
        return get(id);
    }

    /**
     * Takes the version back on every environment where the rollout migrated it, newest wave first (the
     * reverse of the promotion order). A running rollout must be paused first, so nothing moves forward
     * while it goes back.
     */
    public Rollout rollback(long id, Operator operator) {
        String actor = operator.name();
        store.transaction(tx -> {
            TargetPolicies.refuseUnlessReleaser(RolloutApprovals.targets(tx, tx.rollouts().get(id).orElseThrow(() -> notFound(id))),
                    operator, "roll back rollout " + id + " on");
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

    static RolloutException notFound(long id) {
        return new RolloutException(RolloutException.Reason.ROLLOUT_NOT_FOUND, "rollout " + id + " not found");
    }

    static RolloutException conflict(String message) {
        return new RolloutException(RolloutException.Reason.EXISTS, message);
    }

    @Override
    public void close() {
        worker.close();
    }
}

package io.strata.rollout;

import io.strata.rollout.drift.DetectDrift;
import io.strata.registry.RegistryException;
import io.strata.registry.ReplayedSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * RolloutWorker is one server's share of the rollouts in the store. Every round it moves each active
 * rollout along ({@link RolloutProgress}) and claims environments to work on, each for a lease it renews
 * while it works; a server that dies stops renewing, and any server (this one restarted, or another on the
 * same PostgreSQL store) takes its environments over when the lease expires. Since an environment's own
 * {@code strata_history} decides what runs there, taking over never repeats a statement.
 */
final class RolloutWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutWorker.class);
    private static final Duration ROUND = Duration.ofMillis(200);
    /** Environments this server works on at once, across rollouts; each rollout's concurrency applies within it. */
    private static final int SLOTS = 32;

    private final RolloutStore store;
    private final EnvironmentMigration migration;
    private final RolloutProgress progress;
    private final VersionSchemas versionSchemas;
    private final BiFunction<String, Integer, List<String>> breaksOlderClients;
    private final DetectDrift drift;
    private final String owner = ownerName();
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<Long, List<String>> breaks = new ConcurrentHashMap<>();
    private final ExecutorService slots = Executors.newFixedThreadPool(SLOTS, DaemonThreads.named("strata-rollout", false));
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("strata-rollout-rounds", false));
    private volatile Duration lease = Duration.ofSeconds(15);
    private volatile boolean started;

    RolloutWorker(RolloutStore store, EnvironmentMigration migration, RolloutProgress progress,
                  VersionSchemas versionSchemas, BiFunction<String, Integer, List<String>> breaksOlderClients,
                  DetectDrift drift) {
        this.drift = drift;
        this.store = store;
        this.migration = migration;
        this.progress = progress;
        this.versionSchemas = versionSchemas;
        this.breaksOlderClients = breaksOlderClients;
    }

    /** How long a claim holds without renewal; it is renewed three times per lease. */
    void leaseFor(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("a lease must be longer than zero");
        }
        lease = value;
    }

    /**
     * Starts working. With the embedded store only this server can have the store open, so claims left by
     * an earlier server died with it and are released at once rather than after their lease.
     */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (!store.sharedByServers()) {
            int released = store.transaction(tx -> tx.rollouts().releaseAll());
            if (released > 0) {
                LOG.info("released {} environment(s) claimed by a server that stopped", released);
            }
        }
        rounds.scheduleWithFixedDelay(this::round, 0, ROUND.toMillis(), TimeUnit.MILLISECONDS);
        long renewEvery = Math.max(100, lease.toMillis() / 3);
        rounds.scheduleWithFixedDelay(this::renew, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    /** Runs a round soon, instead of at the next tick (after execute or rollback), starting the worker if needed. */
    void wake() {
        start();
        rounds.execute(this::round);
    }

    private void round() {
        try {
            List<Long> active = store.transaction(tx -> tx.rollouts().active());
            forgetSettled(active);
            for (long id : active) {
                progress.advance(id);
                while (busy.get() < SLOTS) {
                    Instant now = Instant.now();
                    Optional<RolloutRepository.Claim> claimed = store.transaction(tx -> tx.rollouts().claim(id, owner, now, now.plus(lease)));
                    if (claimed.isEmpty()) {
                        break;
                    }
                    busy.incrementAndGet();
                    slots.submit(() -> work(id, claimed.get()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("rollout round failed; trying again next round", e);
        }
    }

    /**
     * Forgets what the versions of rollouts no longer active break for older clients (worked out again if one is
     * resumed), once nothing is in flight here: an environment claimed just before its rollout paused may still read it.
     */
    private void forgetSettled(List<Long> active) {
        if (busy.get() > 0) {
            return;
        }
        breaks.keySet().removeIf(id -> !active.contains(id));
    }

    private void renew() {
        try {
            store.transaction(tx -> tx.rollouts().renew(owner, Instant.now().plus(lease)));
        } catch (RuntimeException e) {
            LOG.warn("cannot renew rollout leases", e);
        }
    }

    private void work(long id, RolloutRepository.Claim claim) {
        String name = claim.environment();
        try {
            Rollout rollout = store.transaction(tx -> tx.rollouts().get(id)).orElseThrow();
            Optional<Environment> environment = store.transaction(tx -> tx.environments().named(name));
            boolean forward = claim.forward();
            EnvironmentMigration.Outcome outcome;
            if (environment.isEmpty()) {
                outcome = new EnvironmentMigration.Outcome(forward ? TaskState.FAILED : TaskState.ROLLBACK_FAILED,
                        "environment " + name + " was removed", false);
            } else if (forward) {
                outcome = migrate(rollout, environment.get());
            } else {
                outcome = migration.takeBack(rollout, environment.get());
            }
            TaskState state = outcome.retry() ? (forward ? TaskState.PENDING : TaskState.SUCCEEDED) : outcome.state();
            if (rollout.repair() && forward && state == TaskState.SUCCEEDED) {
                // Before the task is recorded as done: whoever sees the repair succeed then reads the cleared report.
                recheck(name);
            }
            boolean recorded = store.transaction(tx -> tx.rollouts().finish(id, name, owner, state, outcome.message(),
                    outcome.retry() ? null : Instant.now()));
            if (!recorded) {
                LOG.warn("rollout {}: the lease on {} lapsed and another server took it over; its result counts", id, name);
            }
        } catch (RuntimeException e) {
            LOG.error("rollout {}: working on {} failed; the lease will lapse and the environment be tried again", id, name, e);
        } finally {
            busy.decrementAndGet();
            // The slot is free and the rollout may have moved on: a round now advances it and claims the next
            // environment, rather than at the next tick.
            try {
                rounds.execute(this::round);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // the server is stopping: no more rounds
            }
        }
    }

    /** Checks a repaired environment again, so the drift report that asked for the repair clears. */
    private void recheck(String environment) {
        try {
            drift.check(environment);
        } catch (RuntimeException e) {
            LOG.warn("repaired {}, but checking it again failed; sync it to clear its drift report", environment, e);
        }
    }

    /**
     * Migrates {@code environment} toward the rollout's version as the environment's own major prints it (replayed
     * once per version and major, by the registry); a replay on another major is said in the task's message. What
     * the version breaks for older clients is worked out once per rollout on this server.
     */
    private EnvironmentMigration.Outcome migrate(Rollout rollout, Environment environment) {
        ReplayedSchema desired;
        try {
            desired = versionSchemas.forServer(rollout.subject(), rollout.version(), migration.serverVersion(environment));
        } catch (RegistryException e) {
            // SQL the environment's major refuses cannot be applied there: the task fails, saying why, and is not retried.
            return new EnvironmentMigration.Outcome(TaskState.FAILED, e.getMessage(), false);
        }
        List<String> breaking = breaks.computeIfAbsent(rollout.id(), k -> breaksOlderClients.apply(rollout.subject(), rollout.version()));
        return migration.apply(rollout, environment, desired.catalog(), breaking).warning(desired.warning());
    }

    /** Names this server in claims: the host and process, and a random part for a restart that reuses the pid. */
    private static String ownerName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        rounds.shutdownNow();
        slots.shutdownNow();
    }
}

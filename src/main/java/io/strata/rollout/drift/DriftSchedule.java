package io.strata.rollout.drift;

import io.strata.rollout.Environments;
import io.strata.rollout.DaemonThreads;
import io.strata.error.StrataException;
import io.strata.rollout.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A DriftSchedule checks every environment for drift at a fixed interval, on one daemon thread, so a change made
 * by hand is found (and {@code drift.detected} raised) without anyone asking for a sync. An environment that
 * cannot be reached is logged and skipped until the next round; it never stops the schedule.
 */
public final class DriftSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DriftSchedule.class);

    private final Environments environments;
    private final DetectDrift drift;
    /** Null when the schedule is off. */
    private final ScheduledExecutorService executor;

    private DriftSchedule(Environments environments, DetectDrift drift, ScheduledExecutorService executor) {
        this.environments = environments;
        this.drift = drift;
        this.executor = executor;
    }

    /**
     * Starts checking every {@code intervalSeconds}; 0 starts nothing. The first round comes one interval after
     * the start, so that a server restarting in a loop does not reach every database each time.
     */
    public static DriftSchedule start(Environments environments, DetectDrift drift, long intervalSeconds) {
        if (intervalSeconds < 0) {
            // The command line refuses a negative interval with its own message before anything opens.
            throw new IllegalArgumentException("a drift check interval of " + intervalSeconds + " s");
        }
        if (intervalSeconds == 0) {
            return new DriftSchedule(environments, drift, null);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("strata-drift-schedule", false));
        DriftSchedule schedule = new DriftSchedule(environments, drift, executor);
        // With a fixed delay, a round slower than the interval is followed by a pause, not by a pile of rounds.
        executor.scheduleWithFixedDelay(schedule::round, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        return schedule;
    }

    public boolean running() {
        return executor != null && !executor.isShutdown();
    }

    /** One pass over every environment. Nothing may escape: an exception would cancel every later round. */
    private void round() {
        List<Environment> all;
        try {
            all = environments.list();
        } catch (RuntimeException e) {
            LOG.warn("scheduled drift check: cannot list the environments; trying again next round", e);
            return;
        }
        for (Environment environment : all) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                drift.checkUnlessRunning(environment.name()).ifPresentOrElse(
                        report -> LOG.debug("scheduled drift check of {}: {} change(s)", environment.name(), report.changes()),
                        () -> LOG.debug("scheduled drift check of {}: skipped, a check of it is running", environment.name()));
            } catch (StrataException e) {
                // Unreachable, removed meanwhile, a subject gone: the message says which; no stack trace each round.
                LOG.warn("scheduled drift check of {}: {}", environment.name(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("scheduled drift check of {} failed", environment.name(), e);
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

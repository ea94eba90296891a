package io.strata.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.app.Registry;
import io.strata.rollout.Environment;
import io.strata.rollout.Rollout;
import io.strata.rollout.RolloutState;
import io.strata.rollout.TaskState;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FleetMetrics are the rollout and drift gauges, read from the store when Prometheus scrapes (the store is
 * the truth, and two servers sharing it then report the same numbers): rollouts by state, environments
 * still pending in unfinished rollouts, the last finished rollout's duration per subject, the changes
 * each environment's last drift check found, and whether this server's last check could not reach it.
 */
final class FleetMetrics {

    private final Registry registry;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    FleetMetrics(Registry registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /** Reads the store and updates every gauge; called before each scrape. */
    void refresh() {
        Map<RolloutState, Long> byState = new java.util.EnumMap<>(RolloutState.class);
        for (RolloutState s : RolloutState.values()) {
            byState.put(s, 0L);
        }
        long pending = 0;
        Map<String, Rollout> lastFinished = new java.util.HashMap<>();
        for (Rollout r : registry.rollouts().list(500)) {
            byState.merge(r.state(), 1L, Long::sum);
            if (r.state() == RolloutState.RUNNING || r.state() == RolloutState.PAUSED || r.state() == RolloutState.CREATED) {
                pending += r.tasks().stream().filter(t -> t.state() != TaskState.SUCCEEDED).count();
            }
            if (r.state() == RolloutState.SUCCEEDED) {
                lastFinished.putIfAbsent(r.subject(), r);
            }
        }
        byState.forEach((state, n) -> gauge("strata.rollouts", "state", state.name(), n));
        gauge("strata.rollout.environments.pending", null, null, pending);
        lastFinished.forEach((subject, r) -> gauge("strata.rollout.last.duration.seconds", "subject", subject, seconds(r)));
        Map<String, io.strata.rollout.drift.DriftReport> drift = registry.drift().latestAll();
        for (Environment e : registry.environments().list()) {
            if (drift.containsKey(e.name())) {
                gauge("strata.environment.drift.changes", "environment", e.name(), drift.get(e.name()).changes());
            }
            // This server's own view, not the store's: whether its last drift check could reach the environment.
            gauge("strata.environment.drift.unreachable", "environment", e.name(), registry.drift().unreachable(e.name()).isPresent() ? 1 : 0);
        }
    }

    private static long seconds(Rollout r) {
        var start = r.tasks().stream().map(Rollout.Task::startedAt).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder());
        var end = r.tasks().stream().map(Rollout.Task::finishedAt).filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder());
        return start.isPresent() && end.isPresent() ? Duration.between(start.get(), end.get()).toSeconds() : 0;
    }

    private void gauge(String name, String tag, String value, long n) {
        String key = name + "|" + tag + "|" + value;
        values.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, holder, AtomicLong::get);
            if (tag != null) {
                builder.tag(tag, value);
            }
            builder.register(meters);
            return holder;
        }).set(n);
    }
}

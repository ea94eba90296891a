package io.strata.rollout;

import io.strata.audit.EventNames;
import io.strata.audit.EventSink;
import io.strata.registry.AuditDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * RolloutProgress moves a rollout from one state to the next as its environments finish: SUCCEEDED when
 * every one did; PAUSED when failures in a wave reach the threshold (the circuit breaker), when it ran out
 * of environments with some failed, or between waves when asked to pause or a health check fails; the next
 * wave opened after a health check passes; ROLLED_BACK when every migrated environment was taken back.
 * Any server may call it at any time: each transition is made once, under the store's write lock, and only
 * if the rollout is still where it was read.
 */
final class RolloutProgress {

    private final RolloutStore store;
    private final EventSink events;
    private final EnvironmentMigration migration;

    RolloutProgress(RolloutStore store, EventSink events, EnvironmentMigration migration) {
        this.store = store;
        this.events = events;
        this.migration = migration;
    }

    void advance(long id) {
        Optional<Rollout> read = store.transaction(tx -> tx.rollouts().get(id));
        if (read.isEmpty()) {
            return;
        }
        Rollout r = read.get();
        if (r.state() == RolloutState.RUNNING) {
            forward(r);
        } else if (r.state() == RolloutState.ROLLING_BACK && count(r, t -> t.state() == TaskState.SUCCEEDED
                || t.state() == TaskState.ROLLING_BACK) == 0) {
            long failed = count(r, t -> t.state() == TaskState.ROLLBACK_FAILED);
            String note = failed == 0 ? null : failed + " environment(s) could not be taken back: see their messages";
            if (move(r, RolloutState.ROLLED_BACK, note, "rollout.rolled_back")) {
                events.publish(EventNames.MIGRATION_ROLLED_BACK, data(r, Map.of("environments", count(r, t -> t.state() == TaskState.ROLLED_BACK),
                        "failed", failed)));
            }
        }
    }

    private void forward(Rollout r) {
        if (count(r, t -> t.state() == TaskState.SUCCEEDED) == r.tasks().size()) {
            if (move(r, RolloutState.SUCCEEDED, null, "rollout.completed")) {
                events.publish(EventNames.MIGRATION_COMPLETED, data(r, Map.of("environments", r.tasks().size())));
            }
            return;
        }
        Integer current = r.tasks().stream().filter(t -> t.state() == TaskState.PENDING || t.state() == TaskState.RUNNING)
                .map(Rollout.Task::wave).min(Integer::compare).orElse(null);
        int upTo = current == null ? Integer.MAX_VALUE : current;
        Map<Integer, List<String>> failedByWave = new TreeMap<>();
        r.tasks().stream().filter(t -> t.wave() <= upTo && t.state() == TaskState.FAILED)
                .forEach(t -> failedByWave.computeIfAbsent(t.wave(), w -> new ArrayList<>()).add(t.environment()));
        for (Map.Entry<Integer, List<String>> wave : failedByWave.entrySet()) {
            if (wave.getValue().size() >= r.failureThreshold()) {
                stop(r, "circuit breaker: " + wave.getValue().size() + " environment(s) failed in wave " + wave.getKey() + " ("
                        + String.join(", ", wave.getValue()) + "); resume retries them, abort stops, rollback takes the migrated "
                        + "ones back", wave.getKey(), wave.getValue());
                return;
            }
        }
        if (current == null) {
            List<String> failed = r.tasks().stream().filter(t -> t.state() == TaskState.FAILED).map(Rollout.Task::environment).toList();
            stop(r, failed.size() + " environment(s) failed below the threshold (" + String.join(", ", failed)
                    + "); resume retries them, rollback takes the migrated ones back", 0, failed);
            return;
        }
        boolean waiting = current > r.openWave() && r.tasks().stream().noneMatch(t -> t.state() == TaskState.RUNNING);
        if (!waiting) {
            return;
        }
        if (r.betweenWaves() == BetweenWaves.PAUSE) {
            move(r, RolloutState.PAUSED, "wave " + (current - 1) + " finished; paused before wave " + current
                    + " (betweenWaves: pause): resume to go on", "rollout.paused");
        } else {
            List<String> unhealthy = healthCheck(r, current - 1);
            if (unhealthy.isEmpty()) {
                store.transaction(tx -> {
                    tx.rollouts().openWave(r.id(), current);
                    return null;
                });
            } else {
                stop(r, "health check after wave " + (current - 1) + " failed: " + String.join("; ", unhealthy), current - 1, List.of());
            }
        }
    }

    /** What is wrong with the environments wave {@code wave} migrated: none when they are reachable and record the version. */
    private List<String> healthCheck(Rollout r, int wave) {
        Map<String, Environment> environments = new LinkedHashMap<>();
        store.transaction(tx -> tx.environments().all()).forEach(e -> environments.put(e.name(), e));
        List<String> problems = new ArrayList<>();
        for (Rollout.Task t : r.tasks()) {
            if (t.wave() == wave && t.state() == TaskState.SUCCEEDED) {
                Environment e = environments.get(t.environment());
                String problem = e == null ? t.environment() + " was removed" : migration.unhealthy(r, e);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    private void stop(Rollout r, String note, int wave, List<String> failed) {
        if (move(r, RolloutState.PAUSED, note, "rollout.paused")) {
            List<String> migrated = r.tasks().stream().filter(t -> t.state() == TaskState.SUCCEEDED).map(Rollout.Task::environment).toList();
            events.publish(EventNames.MIGRATION_FAILED, data(r, Map.of("wave", wave, "failures", failed.size(), "failed", failed,
                    "migrated", migrated, "reason", note)));
        }
    }

    /** Moves {@code r} to {@code to} if it and its environments are still as read; whether this call moved it. */
    private boolean move(Rollout r, RolloutState to, String note, String action) {
        return store.transaction(tx -> {
            tx.lockForWrite();
            Optional<Rollout> now = tx.rollouts().get(r.id());
            // Decided on what was read before the lock: if anything moved since (a resume reset the failed
            // environments, another server finished one), the next round decides again.
            if (now.isEmpty() || now.get().state() != r.state() || !taskStates(now.get()).equals(taskStates(r))) {
                return false;
            }
            if (!r.state().canMoveTo(to)) {
                throw new IllegalStateException("rollout " + r.id() + " cannot move from " + r.state() + " to " + to);
            }
            tx.rollouts().setState(r.id(), to, note);
            tx.audit().append("strata", action, "rollout/" + r.id(), null, null, note == null ? null : AuditDetails.of("note", note));
            return true;
        });
    }

    static Map<String, Object> data(Rollout r, Map<String, Object> more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rollout", r.id());
        data.put("subject", r.subject());
        data.put("version", r.version());
        data.put("phase", r.phase());
        data.putAll(more);
        return data;
    }

    private static List<TaskState> taskStates(Rollout r) {
        return r.tasks().stream().map(Rollout.Task::state).toList();
    }

    private static long count(Rollout r, Predicate<Rollout.Task> which) {
        return r.tasks().stream().filter(which).count();
    }
}

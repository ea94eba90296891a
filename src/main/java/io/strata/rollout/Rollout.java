package io.strata.rollout;

import java.time.Instant;
import java.util.List;

/**
 * A Rollout carries one version of a SQL subject (or one phase of its plan) to a set of environments, wave
 * by wave in promotion order, stopping when failures in a wave reach {@code failureThreshold}.
 *
 * @param phase         the plan's phase it carries ({@code EXPAND}, {@code MIGRATE}, {@code CONTRACT}), or null for
 *                      the whole plan
 * @param note          why it stands where it is (which wave tripped the circuit breaker, a pause between waves), or null
 * @param waves         the wave spec applied within each step of the promotion order ({@code 1}, {@code 10%}, {@code rest})
 * @param concurrency   how many environments of a wave run at once, across every server working on it
 * @param betweenWaves  what happens after a wave, before the next
 * @param openWave      the highest wave that may start: a wave past it waits for the operator (after a pause)
 * @param preflight     the plan, lint and risk checked when it was created (or again when its plan changed), as JSON
 * @param review        its risk, the checksum of its plan and the approvals it needs before it starts
 * @param repair        whether it takes a drifted environment back to the version it should be at, rather than
 *                      carrying a new version
 * @param createdBy     who created it, as the audit trail names them
 * @param author        who created it as a person ({@link Operator#person()}), whom four eyes exclude from approving it
 * @param tasks         one per environment, in the order they run
 */
public record Rollout(long id, String subject, int version, String phase, RolloutState state, String note, List<String> waves,
                      int concurrency, int failureThreshold, BetweenWaves betweenWaves, int openWave, String preflight,
                      Review review, boolean repair, String createdBy, String author, Instant createdAt, List<Task> tasks) {

    public Rollout {
        review = review == null ? Review.NONE : review;
        waves = List.copyOf(waves);
        tasks = List.copyOf(tasks);
    }

    /** What each environment's strata_history calls this version. */
    public String historyVersion() {
        return new VersionLabel(subject, version).toString();
    }

    public Rollout withTasks(List<Task> value) {
        return new Rollout(id, subject, version, phase, state, note, waves, concurrency, failureThreshold, betweenWaves, openWave,
                preflight, review, repair, createdBy, author, createdAt, value);
    }

    /**
     * One environment's part.
     *
     * @param wave       the wave it belongs to, from 1, across the whole rollout
     * @param message    what happened there (the apply's own message), or null before it ran
     * @param owner      the server working on it now, or the one that worked on it last; null before any did
     * @param leaseUntil until when {@code owner}'s claim holds; past it, another server may take the task over
     */
    public record Task(String environment, int wave, TaskState state, String message, Instant startedAt, Instant finishedAt,
                       String owner, Instant leaseUntil) {

        public static Task pending(String environment, int wave) {
            return new Task(environment, wave, TaskState.PENDING, null, null, null, null, null);
        }
    }
}

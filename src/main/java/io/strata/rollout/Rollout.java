package io.strata.rollout;

import java.time.Instant;
import java.util.List;

/**
 * A Rollout carries one version of a SQL subject to a set of environments, wave by wave in promotion
 * order, stopping when failures in a wave reach {@code failureThreshold}.
 *
 * @param waves         the wave spec applied within each step of the promotion order ({@code 1}, {@code 10%}, {@code rest})
 * @param concurrency   how many environments of a wave run at once
 * @param tasks         one per environment, in the order they run
 */
public record Rollout(long id, String subject, int version, RolloutState state, List<String> waves, int concurrency,
                      int failureThreshold, String createdBy, Instant createdAt, List<Task> tasks) {

    public Rollout {
        waves = List.copyOf(waves);
        tasks = List.copyOf(tasks);
    }

    /**
     * One environment's part.
     *
     * @param wave    the wave it belongs to, from 1, across the whole rollout
     * @param message what happened there (the apply's own message), or null before it ran
     */
    public record Task(String environment, int wave, TaskState state, String message, Instant startedAt, Instant finishedAt) {
    }
}

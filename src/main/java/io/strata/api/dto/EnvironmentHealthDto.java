package io.strata.api.dto;

import io.strata.rollout.EnvironmentHealth;

import java.util.List;
import java.util.Map;

/**
 * An EnvironmentHealthDto is what a health check of one environment found: whether it answers, what its history
 * says was applied, what it lacks of the environments before it, its last drift check and its last rollout.
 */
public record EnvironmentHealthDto(String environment, boolean reachable, long latencyMillis, String serverVersion,
                                   String error, List<AppliedDto> applied, List<String> behind,
                                   Map<String, Integer> versions, DriftSummaryDto drift, LastRolloutDto lastRollout) {

    /** One row of the environment's history. */
    public record AppliedDto(String version, String description, boolean success, boolean rolledBack, String finishedAt) {
    }

    /** The last drift check, in short. */
    public record DriftSummaryDto(boolean drifted, int changes, String checkedAt) {
    }

    /** The newest rollout that included the environment, and how it went there. */
    public record LastRolloutDto(long id, String subject, int version, String phase, String state, String stateHere) {
    }

    public static EnvironmentHealthDto of(EnvironmentHealth h) {
        EnvironmentHealth.LastRollout last = h.lastRollout();
        return new EnvironmentHealthDto(h.environment(), h.reachable(), h.latencyMillis(), h.serverVersion(), h.error(),
                h.applied().stream().map(a -> new AppliedDto(a.version(), a.description(), a.success(), a.rolledBack(),
                        a.finishedAt())).toList(), h.behind(), h.versions(),
                h.drift() == null ? null : new DriftSummaryDto(h.drift().drifted(), h.drift().changes(),
                        h.drift().checkedAt().toString()),
                last == null ? null : new LastRolloutDto(last.id(), last.subject(), last.version(), last.phase(),
                        last.state(), last.stateHere()));
    }
}

package io.strata.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.rollout.Rollout;
import io.strata.rollout.TaskState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RolloutDto is a rollout as the API answers it: what it carries, where it stands, how many environments are in
 * each state ({@code summary}, every state listed) and each environment's task.
 *
 * @param preflight         the plan, per-tier diagnostics and risk checked at create, as kept with the rollout
 * @param risk              {@code LOW} or {@code HIGH}: how much review its plan needs
 * @param requiredApprovals the distinct approvals it needs before it starts (the most its targets' tiers ask for its risk)
 * @param planChecksum      the checksum of the plan its approvals approve (null for a rollout created before approvals)
 */
public record RolloutDto(long id, String subject, int version, String phase, boolean repair, String state, String note,
                         String risk, int requiredApprovals, String planChecksum, List<String> waves, String betweenWaves, int concurrency, int failureThreshold, String createdBy,
                         String createdAt, JsonNode preflight, Map<String, Integer> summary, List<TaskDto> environments) {

    /** One environment's part of a rollout. */
    public record TaskDto(String environment, int wave, String state, String message, String startedAt,
                          String finishedAt, String workedBy) {
    }

    /** {@code r} with its kept preflight already read back from the JSON it was stored as. */
    public static RolloutDto of(Rollout r, JsonNode preflight) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (TaskState s : TaskState.values()) {
            summary.put(s.name(), 0);
        }
        r.tasks().forEach(t -> summary.merge(t.state().name(), 1, Integer::sum));
        return new RolloutDto(r.id(), r.subject(), r.version(), r.phase(), r.repair(), r.state().name(), r.note(),
                r.review().risk().name(), r.review().requiredApprovals(), r.review().planChecksum(), r.waves(),
                r.betweenWaves().label(), r.concurrency(), r.failureThreshold(), r.createdBy(), r.createdAt().toString(),
                preflight, summary, r.tasks().stream().map(t -> new TaskDto(t.environment(), t.wave(), t.state().name(),
                        t.message(), text(t.startedAt()), text(t.finishedAt()), t.owner())).toList());
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}

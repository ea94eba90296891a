package io.strata.app.rollout;

import java.util.List;

/**
 * A RolloutRequest asks for a version of a SQL subject to be carried to environments.
 *
 * @param version          a number or {@code latest}
 * @param environments     the environments by name; or null with {@code group} for every member of a fleet, or
 *                         both null for every environment of the subject's dialect
 * @param waves            within each step of the promotion order: e.g. {@code ["1", "10%", "rest"]}; null: one wave
 * @param concurrency      environments of a wave that run at once (default 10)
 * @param failureThreshold failures in a wave that stop the rollout (default 1)
 * @param force            roll out even to environments whose last drift check found changes
 */
public record RolloutRequest(String subject, String version, List<String> environments, String group, List<String> waves,
                             Integer concurrency, Integer failureThreshold, boolean force) {
}

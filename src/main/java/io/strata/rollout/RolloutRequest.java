package io.strata.rollout;

import java.util.List;

/**
 * A RolloutRequest asks for a version of a SQL subject, or one phase of its plan, to be carried to environments.
 *
 * @param version          a number or {@code latest}
 * @param phase            {@code EXPAND}, {@code MIGRATE} or {@code CONTRACT} to carry one phase of the version's plan
 *                         (each phase is promoted separately), or null for the whole plan
 * @param environments     the environments by name; or null with {@code group} for every member of a fleet, or
 *                         both null for every environment of the subject's dialect
 * @param waves            within each step of the promotion order: e.g. {@code ["1", "10%", "rest"]}; null: one wave
 * @param concurrency      environments of a wave that run at once (default 10)
 * @param failureThreshold failures in a wave that stop the rollout (default 1)
 * @param betweenWaves     {@code none} (default), {@code pause} or {@code health}
 * @param force            roll out even to environments whose last drift check found changes
 */
public record RolloutRequest(String subject, String version, String phase, List<String> environments, String group,
                             List<String> waves, Integer concurrency, Integer failureThreshold, String betweenWaves,
                             boolean force) {
}

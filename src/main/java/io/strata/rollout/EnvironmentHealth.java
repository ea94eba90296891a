package io.strata.rollout;

import java.util.List;
import java.util.Map;

/**
 * An EnvironmentHealth is what Strata sees of an environment when it looks: whether it answers, how fast,
 * which versions its {@code strata_history} says were applied, and which versions that environments earlier
 * in the promotion order have are missing here.
 *
 * @param error    why it is not reachable (password redacted), or null
 * @param applied  the newest history rows, newest first (empty when Strata never applied anything there)
 * @param behind   versions applied successfully in an earlier environment of the promotion order but not here
 * @param versions each subject rolled out here and the newest of its versions applied and not taken back
 * @param drift    the last drift check of the environment, or null when it was never checked
 * @param lastRollout the newest rollout that included the environment, or null
 */
public record EnvironmentHealth(String environment, boolean reachable, long latencyMillis, String serverVersion,
                                String error, List<Applied> applied, List<String> behind, Map<String, Integer> versions,
                                io.strata.rollout.drift.DriftReport drift, LastRollout lastRollout) {

    /** One row of the environment's history. */
    public record Applied(String version, String description, boolean success, boolean rolledBack, String finishedAt) {
    }

    /** The newest rollout that included the environment: what it carried and how it went there. */
    public record LastRollout(long id, String subject, int version, String phase, String state, String stateHere) {
    }
}

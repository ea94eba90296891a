package io.strata.app.rollout;

import java.util.List;

/**
 * An EnvironmentHealth is what Strata sees of an environment when it looks: whether it answers, how fast,
 * which versions its {@code strata_history} says were applied, and which versions that environments earlier
 * in the promotion order have are missing here.
 *
 * @param error    why it is not reachable (password redacted), or null
 * @param applied  the newest history rows, newest first (empty when Strata never applied anything there)
 * @param behind   versions applied successfully in an earlier environment of the promotion order but not here
 */
public record EnvironmentHealth(String environment, boolean reachable, long latencyMillis, String serverVersion,
                                String error, List<Applied> applied, List<String> behind) {

    /** One row of the environment's history. */
    public record Applied(String version, String description, boolean success, String finishedAt) {
    }
}

package io.strata.rollout;

import io.strata.model.Catalog;
import io.strata.registry.ReplayedSchema;

/**
 * VersionSchemas is how the rollout engine reads a SQL subject's version as a model: as an environment's server
 * prints it, since a live database is compared with, and migrated toward, the version as its own major prints views.
 */
@FunctionalInterface
public interface VersionSchemas {

    /** Version {@code version} of {@code subject} as a server of {@code serverVersion} prints it (empty: as registered). */
    ReplayedSchema forServer(String subject, int version, String serverVersion);

    /** The version as registered: what plans between two versions compare, with no environment in view. */
    default Catalog registered(String subject, int version) {
        return forServer(subject, version, "").catalog();
    }
}

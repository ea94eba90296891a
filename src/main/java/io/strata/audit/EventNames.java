package io.strata.audit;

import java.util.List;

/** EventNames is the closed list of events Strata raises, by the names webhooks subscribe to. */
public final class EventNames {

    public static final String SCHEMA_REGISTERED = "schema.registered";
    public static final String COMPATIBILITY_FAILED = "compatibility.failed";
    public static final String MIGRATION_STARTED = "migration.started";
    public static final String MIGRATION_COMPLETED = "migration.completed";
    public static final String MIGRATION_FAILED = "migration.failed";
    public static final String MIGRATION_ROLLED_BACK = "migration.rolled_back";
    public static final String DRIFT_DETECTED = "drift.detected";

    /** Every event, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(SCHEMA_REGISTERED, COMPATIBILITY_FAILED, MIGRATION_STARTED,
            MIGRATION_COMPLETED, MIGRATION_FAILED, MIGRATION_ROLLED_BACK, DRIFT_DETECTED);

    private EventNames() {
    }
}

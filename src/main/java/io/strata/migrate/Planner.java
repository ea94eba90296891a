package io.strata.migrate;

import io.strata.plan.MigrationPlan;
import io.strata.dialect.Dialect;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;

import java.util.List;

/**
 * Planner turns two schemas into a {@link MigrationPlan}: current, desired, diff, then the dialect's
 * planner writes the SQL. Nothing here knows SQL; equal schemas give an empty plan.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * The plan from {@code current} to {@code desired} on {@code dialect}, with the safe recipes of
     * {@code serverVersion} (empty: the newest the dialect knows).
     */
    public static MigrationPlan plan(Catalog current, Catalog desired, Dialect dialect, String serverVersion) {
        return plan(current, desired, Differ.diff(current, desired), dialect, serverVersion);
    }

    /** As {@link #plan(Catalog, Catalog, Dialect, String)}, for a caller that already has the changes. */
    public static MigrationPlan plan(Catalog current, Catalog desired, List<SchemaChange> changes, Dialect dialect,
                                     String serverVersion) {
        if (changes.isEmpty()) {
            return new MigrationPlan(dialect.name(), serverVersion, List.of());
        }
        return dialect.planner().plan(current, desired, changes, serverVersion);
    }
}

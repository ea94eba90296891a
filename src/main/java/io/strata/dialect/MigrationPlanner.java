package io.strata.dialect;

import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;

import java.util.List;

/**
 * A MigrationPlanner writes the SQL of one dialect for a list of changes: dependency order, a reverse
 * for every step (or the reason there is none), lock impact, and the safe recipe the target server
 * version supports; breaking changes become expand / migrate / contract phases.
 */
public interface MigrationPlanner {

    /**
     * Plans {@code changes}, which turn {@code from} into {@code to}, for a server of {@code serverVersion}
     * ({@code 15.19}, {@code 10.11.19-MariaDB}; empty means the newest the dialect knows).
     */
    MigrationPlan plan(Catalog from, Catalog to, List<SchemaChange> changes, String serverVersion);
}

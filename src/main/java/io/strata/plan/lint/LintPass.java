package io.strata.plan.lint;

import io.strata.model.Catalog;
import io.strata.model.ColumnTypes;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Step;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A LintPass is what the analyzers look at: the plan, the schemas it goes between and the changes
 * it implements. Hazards on rows only exist for tables that existed before, so the pass answers that.
 *
 * @param madeBy for a hand-written migration file, the statement that made each change: one statement may make
 *               several (a multi-clause ALTER), while its step names only one as its source. Empty for a planned
 *               migration, whose steps each name the change they implement.
 */
public record LintPass(MigrationPlan plan, Catalog from, Catalog to, List<SchemaChange> changes,
                       Map<SchemaChange, Step> madeBy) {

    public LintPass {
        changes = List.copyOf(changes);
        madeBy = Map.copyOf(madeBy);
    }

    /** The pass over a planned migration. */
    public LintPass(MigrationPlan plan, Catalog from, Catalog to, List<SchemaChange> changes) {
        this(plan, from, to, changes, Map.of());
    }

    public boolean mysql() {
        return plan.dialect().equals(ColumnTypes.MYSQL);
    }

    /** The table {@code schema.table} as it was before the migration, if it existed. */
    public Optional<Table> tableBefore(String schema, String table) {
        return from.schema(schema).flatMap(s -> s.table(table));
    }

    /** The table the change touches as it was before, if it existed: only then can it hold rows. */
    public Optional<Table> tableBefore(SchemaChange change) {
        if (change instanceof SchemaChange.InTable c) {
            return tableBefore(c.schema(), c.table());
        }
        if (change instanceof SchemaChange.RenameTable c) {
            return tableBefore(c.schema(), c.from().name());
        }
        if (change instanceof SchemaChange.OfTable c) {
            return tableBefore(c.schema(), c.objectName());
        }
        return Optional.empty();
    }

    /**
     * The statement that made {@code change}, else the first step that implements it (equal, not identical: the
     * planner diffs on its own), or null.
     */
    public Step firstStepOf(SchemaChange change) {
        Step statement = madeBy.get(change);
        return statement != null ? statement
                : plan.steps().stream().filter(s -> change.equals(s.source())).findFirst().orElse(null);
    }

    /** Where a step's hazard is: its change's location, or its description for supporting steps. */
    public static String locationOf(Step step) {
        return step.source() != null ? step.source().location() : step.description();
    }

    /** Whether the step changes a table that existed before (a new, empty table has no rows to lock or scan). */
    public boolean touchesExistingTable(Step step) {
        return step.source() != null && tableBefore(step.source()).isPresent();
    }
}

package io.strata.dialect.mysql;

import io.strata.model.change.SchemaChange;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.Arrays;
import java.util.Set;

/**
 * A MySqlPlannedStep is a step before the plan is assembled: its phase, its place in the phase, and
 * the tables it changes (old and new names), which tell the view steps which views to rebuild.
 */
record MySqlPlannedStep(PhaseKind phase, MySqlStepOrder order, Set<String> tables, Step step) {
    MySqlPlannedStep {
        tables = Set.copyOf(tables);
    }

    /**
     * A DDL step. MySQL and MariaDB commit implicitly before and after every DDL statement, so no
     * step is transactional.
     */
    static MySqlPlannedStep ddl(PhaseKind phase, MySqlStepOrder order, SchemaChange source, String description,
                                String sql, Reverse reverse, LockImpact lock, String... tables) {
        return new MySqlPlannedStep(phase, order, Set.copyOf(Arrays.asList(tables)),
                new Step(description, sql, reverse, false, lock, source));
    }
}

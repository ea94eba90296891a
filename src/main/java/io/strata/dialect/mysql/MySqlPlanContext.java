package io.strata.dialect.mysql;

import io.strata.model.Column;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.plan.LockImpact;

/**
 * A MySqlPlanContext is what every step writer of one plan shares: the two schemas, how names read
 * in each phase, the server's algorithms, the SQL writers, and the order the steps go into.
 */
record MySqlPlanContext(Schema from, Schema to, MySqlNames names, MySqlAlgorithms algorithms, MySqlQuoter q,
                        MySqlTableRenderer tables, MySqlClauses clauses, MySqlStepOrder order) {

    /** The lock of a statement that changes only the catalog: a short metadata lock, no copy, no scan. */
    static final LockImpact METADATA = new LockImpact("metadata lock", false, false);

    /** The table as it was before the plan, looked up by its old name; null when it did not exist. */
    Table fromTable(String oldName) {
        return from.table(oldName).orElse(null);
    }

    /** The table as the plan leaves it; null when it is dropped. */
    Table toTable(String name) {
        return to.table(name).orElse(null);
    }

    /** The column's definition as ADD/MODIFY COLUMN write it, under {@code name}, with the ON UPDATE clause {@code table} gives it. */
    String columnDefinition(Column column, String name, Table table) {
        Column named = new Column(name, column.type(), column.nullable(), column.defaultExpr(), column.identity(),
                column.generatedExpr(), column.generatedStored(), column.collation(), column.charset(), column.comment(), null);
        String onUpdate = table == null ? null : table.options().get(MySqlColumnReader.ON_UPDATE_PREFIX + column.name());
        return tables.column(named, onUpdate);
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.Index;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

/** MySqlIndexSteps writes the steps that add, drop and change indexes, unique keys included. */
final class MySqlIndexSteps {

    private final MySqlPlanContext ctx;

    MySqlIndexSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    void add(SchemaChange.AddIndex change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        Index index = ctx.names().index(phase, change.table(), change.index());
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addIndex(before, index);
        ctx.order().add(phase, Slot.ADD_INDEX, change, "add index " + change.location(),
                recipe.appendTo(ctx.clauses().alterTable(table, addSpec(index, before))),
                Reverse.Sql.of(ctx.algorithms().dropIndex(before).appendTo(ctx.clauses().alterTable(table, dropSpec(index)))),
                recipe.lock(), table, change.table());
    }

    /** DROP INDEX before the columns it covers go; the reverse builds it again. */
    void drop(SchemaChange.DropIndex change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        Index index = change.index();
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().dropIndex(before);
        ctx.order().add(phase, Slot.DROP_INDEX, change, "drop index " + change.location(),
                recipe.appendTo(ctx.clauses().alterTable(table, dropSpec(index))),
                Reverse.Sql.of(ctx.algorithms().addIndex(before, index).appendTo(ctx.clauses().alterTable(table, addSpec(index, before)))),
                recipe.lock(), table, change.table());
    }

    /** Drop and add in one ALTER TABLE, so no moment exists without the index. */
    void modify(SchemaChange.ModifyIndex change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        Index from = change.from();
        Index to = ctx.names().index(phase, change.table(), change.to());
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addIndex(before, to);
        MySqlAlgorithms.Recipe back = ctx.algorithms().addIndex(before, from);
        ctx.order().add(phase, Slot.ADD_INDEX, change, "change index " + change.location(),
                recipe.appendTo(ctx.clauses().alterTable(table, dropSpec(from) + ", " + addSpec(to, before))),
                Reverse.Sql.of(back.appendTo(ctx.clauses().alterTable(table, dropSpec(to) + ", " + addSpec(from, before)))),
                recipe.lock(), table, change.table());
    }

    private String addSpec(Index index, Table table) {
        return "ADD " + ctx.tables().index(index, table == null ? Table.of("", java.util.List.of()) : table);
    }

    private String dropSpec(Index index) {
        return "DROP INDEX " + ctx.q().ident(index.name());
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.Index;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.List;

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
                Reverse.Sql.of(ctx.algorithms().dropIndex(before, index).appendTo(ctx.clauses().alterTable(table, dropSpec(index)))),
                recipe.lock(), table, change.table());
    }

    /** DROP INDEX before the columns it covers go; the reverse builds it again. */
    void drop(SchemaChange.DropIndex change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        Index index = change.index();
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().dropIndex(before, index);
        Slot slot = neededByKeptForeignKey(before, change) ? Slot.DROP_FOREIGN_KEY_INDEX : Slot.DROP_INDEX;
        ctx.order().add(phase, slot, change, "drop index " + change.location(),
                recipe.appendTo(ctx.clauses().alterTable(table, dropSpec(index))),
                Reverse.Sql.of(ctx.algorithms().addIndex(before, index).appendTo(ctx.clauses().alterTable(table, addSpec(index, before)))),
                recipe.lock(), table, change.table());
    }

    /**
     * Whether a foreign key that stays uses the index as its own: the server refuses to drop it ("needed in a
     * foreign key constraint") until another index starts with the key's columns, so it is dropped after the
     * indexes of the plan are added. A foreign key that goes is dropped before any index.
     */
    private boolean neededByKeptForeignKey(Table before, SchemaChange.DropIndex change) {
        Table after = ctx.toTable(change.table());
        if (before == null || after == null) {
            return false;
        }
        List<String> columns = change.index().parts().stream().map(io.strata.model.IndexPart::column).toList();
        return before.foreignKeys().stream().filter(fk -> after.foreignKeys().stream().anyMatch(k -> k.name().equals(fk.name())))
                .anyMatch(fk -> columns.size() >= fk.columns().size()
                        && columns.subList(0, fk.columns().size()).stream().map(c -> c == null ? "" : c.toLowerCase(java.util.Locale.ROOT))
                        .toList().equals(fk.columns().stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList()));
    }

    /** Drop and add in one ALTER TABLE, so no moment exists without the index. */
    void modify(SchemaChange.ModifyIndex change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        Index from = change.from();
        Index to = ctx.names().index(phase, change.table(), change.to());
        MySqlAlgorithms.Recipe recipe = stronger(ctx.algorithms().addIndex(before, to), ctx.algorithms().dropIndex(before, from));
        MySqlAlgorithms.Recipe back = stronger(ctx.algorithms().addIndex(before, from), ctx.algorithms().dropIndex(before, to));
        ctx.order().add(phase, Slot.ADD_INDEX, change, "change index " + change.location(),
                recipe.appendTo(ctx.clauses().alterTable(table, dropSpec(from) + ", " + addSpec(to, before))),
                Reverse.Sql.of(back.appendTo(ctx.clauses().alterTable(table, dropSpec(to) + ", " + addSpec(from, before)))),
                recipe.lock(), table, change.table());
    }

    private static MySqlAlgorithms.Recipe stronger(MySqlAlgorithms.Recipe a, MySqlAlgorithms.Recipe b) {
        return b.level().compareTo(a.level()) > 0 ? b : a;
    }

    private String addSpec(Index index, Table table) {
        return "ADD " + ctx.tables().index(index, table == null ? Table.of("", java.util.List.of()) : table);
    }

    private String dropSpec(Index index) {
        return "DROP INDEX " + ctx.q().ident(index.name());
    }
}

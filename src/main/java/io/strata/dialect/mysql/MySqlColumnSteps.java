package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.Column;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.List;
import java.util.Set;

/** MySqlColumnSteps writes the steps that add, drop, rename and change columns. */
final class MySqlColumnSteps {

    private final MySqlPlanContext ctx;

    MySqlColumnSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /**
     * ADD COLUMN at the column's place in the target table: FIRST, AFTER its predecessor, or nothing
     * at the end, where the oldest servers can still add it instantly.
     */
    void add(SchemaChange.AddColumn change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        Table after = ctx.toTable(change.table());
        Column column = change.column();
        List<Column> target = after == null ? List.of(column) : after.columns();
        int at = Math.max(0, target.indexOf(column));
        String position = "";
        boolean atEnd = true;
        if (before != null) {
            String previous = at == 0 ? null : ctx.names().column(phase, change.table(), target.get(at - 1).name());
            String lastExisting = lastExistingBefore(target, at, before, change.table());
            atEnd = lastExisting != null && !before.columns().isEmpty()
                    && before.columns().get(before.columns().size() - 1).name().equals(lastExisting);
            if (!atEnd) {
                position = previous == null ? " FIRST" : " AFTER " + ctx.q().ident(previous);
            }
        }
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addColumn(before, column, atEnd);
        String sql = recipe.appendTo(ctx.clauses().addColumn(table, ctx.columnDefinition(column, column.name(), after) + position));
        String reverse = ctx.algorithms().dropColumn(before).appendTo(ctx.clauses().dropColumn(table, column.name()));
        ctx.order().add(phase, Slot.ADD_COLUMN, change, "add column " + change.location(), sql,
                Reverse.Sql.of(reverse), recipe.lock(), table, change.table());
    }

    /** The old name of the nearest column before position {@code at} that already exists in {@code before}. */
    private String lastExistingBefore(List<Column> target, int at, Table before, String table) {
        for (int i = at - 1; i >= 0; i--) {
            String name = ctx.names().column(PhaseKind.EXPAND, table, target.get(i).name());
            if (before.column(name).isPresent()) {
                return name;
            }
        }
        return null;
    }

    void drop(SchemaChange.DropColumn change) {
        PhaseKind phase = PhaseKind.CONTRACT;
        String table = change.table();
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, table));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().dropColumn(before);
        String sql = recipe.appendTo(ctx.clauses().dropColumn(table, change.column().name()));
        ctx.order().add(phase, Slot.DROP_COLUMN, change, "drop column " + change.location(), sql,
                new Reverse.Irreversible("dropping column " + change.location() + " discards its values, and this plan "
                        + "keeps no backup of them"), recipe.lock(), table);
    }

    /**
     * RENAME COLUMN where the server has it; before MariaDB 10.5.2 CHANGE COLUMN, which restates the
     * definition the column had before the plan.
     */
    void rename(SchemaChange.RenameColumn change) {
        PhaseKind phase = PhaseKind.CONTRACT;
        String table = change.table();
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, table));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().renameColumn(before);
        String forward = recipe.appendTo(ctx.clauses().alterTable(table, renameSpec(change.from(), change.from().name(), change.to().name(), before)));
        String backward = recipe.appendTo(ctx.clauses().alterTable(table, renameSpec(change.from(), change.to().name(), change.from().name(), before)));
        ctx.order().add(phase, Slot.RENAME_COLUMN, change,
                "rename column " + change.tableLocation() + "." + change.from().name() + " to " + change.to().name(),
                forward, Reverse.Sql.of(backward), recipe.lock(), table);
    }

    private String renameSpec(Column definition, String oldName, String newName, Table before) {
        if (ctx.algorithms().hasRenameColumn()) {
            return "RENAME COLUMN " + ctx.q().ident(oldName) + " TO " + ctx.q().ident(newName);
        }
        return "CHANGE COLUMN " + ctx.q().ident(oldName) + " " + ctx.columnDefinition(definition, newName, before);
    }

    /**
     * A changed column: SET/DROP DEFAULT when only the default changed (instant everywhere), else
     * MODIFY COLUMN with the full new definition. Changes that can fail on existing rows or lose
     * values (types that refuse, round or re-zone some values, removed ENUM members, NOT NULL) wait for the
     * CONTRACT phase.
     */
    void modify(SchemaChange.ModifyColumn change) {
        if (MySqlGeneratedSteps.needsRebuild(change)) {
            new MySqlGeneratedSteps(ctx).plan(change);
            return;
        }
        PhaseKind phase = narrows(change) ? PhaseKind.CONTRACT : PhaseKind.EXPAND;
        String oldTable = ctx.names().table(PhaseKind.EXPAND, change.table());
        String table = ctx.names().table(phase, change.table());
        String column = ctx.names().column(phase, change.table(), change.to().name());
        Table before = ctx.fromTable(oldTable);
        Table after = ctx.toTable(change.table());
        String description = "modify column " + change.location() + " (" + kindList(change.kinds()) + ")";
        if (change.kinds().equals(Set.of(ColumnChangeKind.DEFAULT))) {
            MySqlAlgorithms.Recipe recipe = ctx.algorithms().setDefault(before);
            String sql = recipe.appendTo(ctx.clauses().alterTable(table, defaultSpec(column, change.to().defaultExpr())));
            String reverse = recipe.appendTo(ctx.clauses().alterTable(table, defaultSpec(column, change.from().defaultExpr())));
            ctx.order().add(phase, Slot.MODIFY_COLUMN, change, description, sql, Reverse.Sql.of(reverse), recipe.lock(),
                    oldTable, change.table());
            return;
        }
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().modifyColumn(before, change.from(), change.to(), change.kinds());
        MySqlAlgorithms.Recipe back = ctx.algorithms().modifyColumn(after, change.to(), change.from(), change.kinds());
        String sql = recipe.appendTo(ctx.clauses().modifyColumn(table, ctx.columnDefinition(change.to(), column, after)));
        String reverse = back.appendTo(ctx.clauses().modifyColumn(table, ctx.columnDefinition(change.from(), column, before)));
        Slot slot = change.from().identity() == null && change.to().identity() != null ? Slot.ADD_IDENTITY
                : change.from().identity() != null && change.to().identity() == null ? Slot.DROP_IDENTITY : Slot.MODIFY_COLUMN;
        ctx.order().add(phase, slot, change, description, sql, Reverse.Sql.of(reverse), recipe.lock(),
                oldTable, change.table());
    }

    /** MODIFY COLUMN restating the column so that its ON UPDATE clause becomes the target table's. */
    void onUpdate(SchemaChange.ModifyTable change, Column column) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.to().name());
        String name = ctx.names().column(phase, change.to().name(), column.name());
        Column old = change.from().column(name).orElse(column);
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().rebuildTable(change.from());
        String sql = recipe.appendTo(ctx.clauses().modifyColumn(table, ctx.columnDefinition(column, name, change.to())));
        String reverse = recipe.appendTo(ctx.clauses().modifyColumn(table, ctx.columnDefinition(old, name, change.from())));
        ctx.order().add(phase, Slot.MODIFY_COLUMN, change,
                "change ON UPDATE of column " + change.location() + "." + column.name(), sql, Reverse.Sql.of(reverse),
                recipe.lock(), table, change.to().name());
    }

    static boolean narrows(SchemaChange.ModifyColumn change) {
        boolean type = change.kinds().contains(ColumnChangeKind.TYPE)
                && MySqlTypeChange.of(change.from().type(), change.to().type(), change.to().charset()) == MySqlTypeChange.NARROWING;
        boolean notNull = change.from().nullable() && !change.to().nullable();
        return type || notNull;
    }

    private String defaultSpec(String column, String expr) {
        return "ALTER COLUMN " + ctx.q().ident(column)
                + (expr == null ? " DROP DEFAULT" : " SET DEFAULT " + MySqlTableRenderer.defaultValue(expr));
    }

    private static String kindList(Set<ColumnChangeKind> kinds) {
        return kinds.stream().sorted().map(Enum::name).map(String::toLowerCase).reduce((a, b) -> a + ", " + b).orElse("");
    }
}

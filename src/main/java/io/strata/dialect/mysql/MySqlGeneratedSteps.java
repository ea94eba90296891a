package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.Column;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.List;

/**
 * MySqlGeneratedSteps changes how a column is generated where MODIFY COLUMN cannot: MariaDB refuses to turn a
 * VIRTUAL column STORED or back, or a virtual column into a regular one and back ("not yet supported for
 * generated columns"). The column is dropped and added again at its place instead. A generated column holds no
 * data of its own, so that loses nothing; one that becomes regular is filled from its expression afterwards. A
 * regular column that becomes generated loses its own values: its drop is a column drop, which the executor backs
 * up first, and it waits for the CONTRACT phase.
 */
final class MySqlGeneratedSteps {

    private final MySqlPlanContext ctx;

    MySqlGeneratedSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /** Whether {@code change} needs the column rebuilt rather than modified. */
    static boolean needsRebuild(SchemaChange.ModifyColumn change) {
        if (!change.kinds().contains(ColumnChangeKind.GENERATED)) {
            return false;
        }
        Column a = change.from();
        Column b = change.to();
        boolean aGenerated = a.generatedExpr() != null;
        boolean bGenerated = b.generatedExpr() != null;
        if (aGenerated && bGenerated) {
            return a.generatedStored() != b.generatedStored();
        }
        // Regular <-> generated: MODIFY works for STORED on some servers, never for VIRTUAL; one recipe for both.
        return true;
    }

    void plan(SchemaChange.ModifyColumn change) {
        Column a = change.from();
        Column b = change.to();
        if (a.generatedExpr() == null) {
            replaceRegular(change);
            return;
        }
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        Table after = ctx.toTable(change.table());
        String column = b.name();
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().rebuildTable(before);
        String sql = recipe.appendTo(ctx.clauses().alterTable(table, rebuild(column, b, after)));
        String reverse = recipe.appendTo(ctx.clauses().alterTable(table, rebuild(column, a, before)));
        ctx.order().add(phase, Slot.MODIFY_COLUMN, change, "rebuild column " + change.location() + " as "
                + kind(b), sql, Reverse.Sql.of(reverse), recipe.lock(), table, change.table());
        if (b.generatedExpr() == null) {
            // The column was computed; as a regular column it starts with the values it showed.
            ctx.order().add(phase, Slot.MODIFY_COLUMN, change, "fill column " + change.location() + " from ("
                    + a.generatedExpr() + ")", "UPDATE " + ctx.q().ident(table) + " SET " + ctx.q().ident(column)
                    + " = (" + a.generatedExpr() + ")", Reverse.Sql.of(), recipe.lock(), table);
        }
    }

    /** Regular -> generated: a column drop (backed up by the executor), then the generated column at its place. */
    private void replaceRegular(SchemaChange.ModifyColumn change) {
        PhaseKind phase = PhaseKind.CONTRACT;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, change.table()));
        Table after = ctx.toTable(change.table());
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().rebuildTable(before);
        SchemaChange.DropColumn drop = new SchemaChange.DropColumn(change.schema(), change.table(), change.from());
        ctx.order().add(phase, Slot.DROP_COLUMN, drop, "drop column " + change.location() + " to make it generated",
                recipe.appendTo(ctx.clauses().dropColumn(table, change.from().name())),
                new Reverse.Irreversible("making column " + change.location() + " generated discards its values, and"
                        + " this plan keeps no backup of them"), recipe.lock(), table);
        String add = ctx.clauses().addColumn(table, ctx.columnDefinition(change.to(), change.to().name(), after)
                + position(after, change.to().name()));
        ctx.order().add(phase, Slot.READD_COLUMN, change, "add column " + change.location() + " as " + kind(change.to()),
                recipe.appendTo(add), Reverse.Sql.of(recipe.appendTo(ctx.clauses().dropColumn(table, change.to().name()))),
                recipe.lock(), table, change.table());
    }

    /** {@code DROP COLUMN c, ADD COLUMN c <definition> AFTER ...}: one statement, so the table is never without it. */
    private String rebuild(String column, Column definition, Table table) {
        return "DROP COLUMN " + ctx.q().ident(column) + ", ADD COLUMN " + ctx.columnDefinition(definition, column, table)
                + position(table, column);
    }

    /** Where the column stands in {@code table}: {@code FIRST} or {@code AFTER} the column before it. */
    private String position(Table table, String column) {
        List<Column> columns = table == null ? List.of() : table.columns();
        int at = columns.stream().map(Column::name).toList().indexOf(column);
        return at <= 0 ? " FIRST" : " AFTER " + ctx.q().ident(columns.get(at - 1).name());
    }

    private static String kind(Column c) {
        return c.generatedExpr() == null ? "a regular column" : c.generatedStored() ? "STORED" : "VIRTUAL";
    }
}

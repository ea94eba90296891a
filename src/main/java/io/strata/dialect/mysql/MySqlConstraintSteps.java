package io.strata.dialect.mysql;

import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.PrimaryKey;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.List;

/** MySqlConstraintSteps writes the steps for primary keys, foreign keys and checks. */
final class MySqlConstraintSteps {

    private final MySqlPlanContext ctx;

    MySqlConstraintSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    MySqlPlannedStep addForeignKey(SchemaChange source, PhaseKind phase, String toTable, ForeignKey fk) {
        String table = ctx.names().table(phase, toTable);
        ForeignKey named = ctx.names().foreignKey(phase, toTable, fk);
        Table before = ctx.fromTable(table);
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addForeignKey(before != null ? before : ctx.toTable(toTable));
        return MySqlPlannedStep.ddl(phase, MySqlStepOrder.ADD_FOREIGN_KEY, source,
                "add foreign key " + fk.name() + " on " + toTable,
                recipe.appendTo(ctx.alter(table, "ADD " + ctx.clauses().foreignKey(named))),
                Reverse.Sql.of(dropForeignKeySql(table, fk.name(), before)), recipe.lock(), table, toTable);
    }

    /** DROP FOREIGN KEY; the index MySQL created for the key stays, and is dropped as an index change when the target lacks it. */
    MySqlPlannedStep dropForeignKey(SchemaChange source, PhaseKind phase, String toTable, ForeignKey fk) {
        String table = ctx.names().table(phase, toTable);
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, toTable));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addForeignKey(before);
        return MySqlPlannedStep.ddl(phase, MySqlStepOrder.DROP_FOREIGN_KEY, source,
                "drop foreign key " + fk.name() + " on " + toTable, dropForeignKeySql(table, fk.name(), before),
                Reverse.Sql.of(recipe.appendTo(ctx.alter(table, "ADD " + ctx.clauses().foreignKey(fk)))),
                ctx.algorithms().dropForeignKey(before).lock(), table, toTable);
    }

    private String dropForeignKeySql(String table, String name, Table before) {
        return ctx.algorithms().dropForeignKey(before).appendTo(ctx.alter(table, "DROP FOREIGN KEY " + ctx.q().ident(name)));
    }

    /** A changed foreign key is dropped and added again: one ALTER cannot drop and re-add a key of the same name. */
    List<MySqlPlannedStep> modifyForeignKey(SchemaChange.ModifyForeignKey change) {
        return List.of(dropForeignKey(change, PhaseKind.EXPAND, change.table(), change.from()),
                addForeignKey(change, PhaseKind.EXPAND, change.table(), change.to()));
    }

    MySqlPlannedStep addCheck(SchemaChange source, String toTable, Check check) {
        String table = ctx.names().table(PhaseKind.EXPAND, toTable);
        Table before = ctx.fromTable(table);
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addCheck(before);
        return MySqlPlannedStep.ddl(PhaseKind.EXPAND, MySqlStepOrder.ADD_CHECK, source,
                "add check " + check.name() + " on " + toTable,
                recipe.appendTo(ctx.alter(table, "ADD " + ctx.clauses().check(check))),
                Reverse.Sql.of(dropCheckSql(table, check, before)), recipe.lock(), table, toTable);
    }

    MySqlPlannedStep dropCheck(SchemaChange source, String toTable, Check check) {
        String table = ctx.names().table(PhaseKind.EXPAND, toTable);
        Table before = ctx.fromTable(table);
        return MySqlPlannedStep.ddl(PhaseKind.EXPAND, MySqlStepOrder.DROP_CHECK, source,
                "drop check " + check.name() + " on " + toTable, dropCheckSql(table, check, before),
                Reverse.Sql.of(ctx.algorithms().addCheck(before).appendTo(ctx.alter(table, "ADD " + ctx.clauses().check(check)))),
                ctx.algorithms().dropCheck(before).lock(), table, toTable);
    }

    private String dropCheckSql(String table, Check check, Table before) {
        return ctx.algorithms().dropCheck(before).appendTo(ctx.alter(table, "DROP CONSTRAINT " + ctx.q().ident(check.name())));
    }

    List<MySqlPlannedStep> modifyCheck(SchemaChange.ModifyCheck change) {
        return List.of(dropCheck(change, change.table(), change.from()), addCheck(change, change.table(), change.to()));
    }

    /** ADD PRIMARY KEY rebuilds the table online; it may fail on duplicate or NULL values, which is why it waits for EXPAND's end. */
    MySqlPlannedStep addPrimaryKey(SchemaChange.AddPrimaryKey change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addPrimaryKey(before);
        return MySqlPlannedStep.ddl(phase, MySqlStepOrder.PRIMARY_KEY, change, "add primary key on " + change.tableLocation(),
                recipe.appendTo(ctx.alter(table, "ADD " + primaryKey(phase, change.table(), change.key()))),
                Reverse.Sql.of(ctx.algorithms().dropPrimaryKey(before).appendTo(ctx.alter(table, "DROP PRIMARY KEY"))),
                recipe.lock(), table, change.table());
    }

    MySqlPlannedStep dropPrimaryKey(SchemaChange.DropPrimaryKey change) {
        PhaseKind phase = PhaseKind.CONTRACT;
        String table = change.table();
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, table));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().dropPrimaryKey(before);
        return MySqlPlannedStep.ddl(phase, MySqlStepOrder.PRIMARY_KEY, change, "drop primary key of " + change.tableLocation(),
                recipe.appendTo(ctx.alter(table, "DROP PRIMARY KEY")),
                Reverse.Sql.of(ctx.algorithms().addPrimaryKey(before).appendTo(ctx.alter(table,
                        "ADD " + primaryKey(phase, table, change.key())))), recipe.lock(), table);
    }

    /** Replacing the key's columns in one statement keeps the table clustered by some key throughout, so it stays online. */
    MySqlPlannedStep modifyPrimaryKey(SchemaChange.ModifyPrimaryKey change) {
        PhaseKind phase = PhaseKind.CONTRACT;
        String table = change.table();
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, table));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addPrimaryKey(before);
        return MySqlPlannedStep.ddl(phase, MySqlStepOrder.PRIMARY_KEY, change, "change primary key of " + change.tableLocation(),
                recipe.appendTo(ctx.alter(table, "DROP PRIMARY KEY, ADD " + primaryKey(phase, table, change.to()))),
                Reverse.Sql.of(recipe.appendTo(ctx.alter(table, "DROP PRIMARY KEY, ADD " + primaryKey(phase, table, change.from())))),
                recipe.lock(), table);
    }

    private String primaryKey(PhaseKind phase, String table, PrimaryKey key) {
        return ctx.tables().primaryKey(ctx.names().columns(phase, table, key.columns()));
    }
}

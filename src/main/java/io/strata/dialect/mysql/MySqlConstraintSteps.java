package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.PrimaryKey;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.ArrayList;
import java.util.List;

/** MySqlConstraintSteps writes the steps for primary keys, foreign keys and checks. */
final class MySqlConstraintSteps {

    private final MySqlPlanContext ctx;

    MySqlConstraintSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /**
     * ADD FOREIGN KEY. On MariaDB, for an existing InnoDB table, it is two steps: a statement that fails
     * while any row lacks its parent, then the key added INPLACE with foreign_key_checks off for that one
     * statement, so writers are never blocked by a table copy and no unchecked row is let in. A new table
     * is empty, so the plain COPY recipe costs nothing there and checks everything itself.
     */
    void addForeignKey(SchemaChange source, PhaseKind phase, String toTable, ForeignKey fk) {
        String table = ctx.names().table(phase, toTable);
        ForeignKey named = ctx.names().foreignKey(phase, toTable, fk);
        Table before = ctx.fromTable(table);
        String reverse = dropForeignKeySql(table, fk.name(), before);
        String add = ctx.clauses().addForeignKey(table, named);
        // A key whose column lists do not pair up cannot be checked by a join; the server refuses it on either path.
        boolean pairs = !named.columns().isEmpty() && named.columns().size() == named.refColumns().size();
        if (before != null && pairs && ctx.algorithms().addForeignKeyUnchecked(before)) {
            MySqlAlgorithms.Recipe inplace = MySqlAlgorithms.recipe(MySqlAlgorithms.Level.INPLACE);
            // MariaDB (10.11, 11.4) records an explicit RESTRICT as NO ACTION when adding the key INPLACE, and the
            // key would then differ from its model forever; left out, the rule defaults to RESTRICT on every path.
            String inplaceAdd = ctx.clauses().addForeignKey(table, new ForeignKey(named.name(),
                    named.columns(), named.refSchema(), named.refTable(), named.refColumns(),
                    unlessRestrict(named.onUpdate()), unlessRestrict(named.onDelete()), named.deferrable()));
            ctx.order().add(phase, Slot.ADD_FOREIGN_KEY, source,
                    "check that every row of " + toTable + " has its parent for foreign key " + fk.name(),
                    orphanCheck(table, named), Reverse.Sql.of(), new LockImpact("NONE", false, true), table, toTable);
            ctx.order().add(phase, Slot.ADD_FOREIGN_KEY, source,
                    "add foreign key " + fk.name() + " on " + toTable,
                    "SET STATEMENT foreign_key_checks=0 FOR " + inplace.appendTo(inplaceAdd),
                    Reverse.Sql.of(reverse), inplace.lock(), table, toTable);
            return;
        }
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addForeignKey(before != null ? before : ctx.toTable(toTable));
        ctx.order().add(phase, Slot.ADD_FOREIGN_KEY, source,
                "add foreign key " + fk.name() + " on " + toTable, recipe.appendTo(add),
                Reverse.Sql.of(reverse), recipe.lock(), table, toTable);
    }

    private static String unlessRestrict(String rule) {
        return "RESTRICT".equalsIgnoreCase(rule) ? null : rule;
    }

    /**
     * A SELECT that fails with "Subquery returns more than 1 row" (error 1242) when some row of
     * {@code table} has every key column set but no parent, and returns one row otherwise: the scalar
     * subquery yields its constant row plus one more only for an orphan. It is a plain SELECT because
     * MariaDB allows SIGNAL only in compound statements, which the script splitter would cut at their
     * semicolons, and it fails the same way whatever the sql_mode. The first column names the key for
     * whoever reads the failed statement. Rows with a NULL key column are not checked by the key either.
     */
    private String orphanCheck(String table, ForeignKey fk) {
        MySqlQuoter q = ctx.q();
        List<String> on = new ArrayList<>();
        List<String> set = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            on.add("p." + q.ident(fk.refColumns().get(i)) + " = c." + q.ident(fk.columns().get(i)));
            set.add("c." + q.ident(fk.columns().get(i)) + " IS NOT NULL");
        }
        return "SELECT " + q.literal("rows without a parent refuse foreign key " + fk.name()) + " AS refusal,"
                + " (SELECT 1 UNION ALL (SELECT 1 FROM " + q.ident(table) + " c LEFT JOIN "
                + q.qualified(fk.refSchema(), fk.refTable()) + " p ON " + String.join(" AND ", on)
                + " WHERE " + String.join(" AND ", set) + " AND p." + q.ident(fk.refColumns().get(0)) + " IS NULL LIMIT 1))"
                + " AS orphan";
    }

    /** DROP FOREIGN KEY; the index MySQL created for the key stays, and is dropped as an index change when the target lacks it. */
    void dropForeignKey(SchemaChange source, PhaseKind phase, String toTable, ForeignKey fk) {
        String table = ctx.names().table(phase, toTable);
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, toTable));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addForeignKey(before);
        ctx.order().add(phase, Slot.DROP_FOREIGN_KEY, source,
                "drop foreign key " + fk.name() + " on " + toTable, dropForeignKeySql(table, fk.name(), before),
                Reverse.Sql.of(recipe.appendTo(ctx.clauses().addForeignKey(table, fk))),
                ctx.algorithms().dropForeignKey(before).lock(), table, toTable);
    }

    private String dropForeignKeySql(String table, String name, Table before) {
        return ctx.algorithms().dropForeignKey(before).appendTo(ctx.clauses().dropForeignKey(table, name));
    }

    /** A changed foreign key is dropped and added again: one ALTER cannot drop and re-add a key of the same name. */
    void modifyForeignKey(SchemaChange.ModifyForeignKey change) {
        dropForeignKey(change, PhaseKind.EXPAND, change.table(), change.from());
        addForeignKey(change, PhaseKind.EXPAND, change.table(), change.to());
    }

    void addCheck(SchemaChange source, String toTable, Check check) {
        String table = ctx.names().table(PhaseKind.EXPAND, toTable);
        Table before = ctx.fromTable(table);
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addCheck(before);
        ctx.order().add(PhaseKind.EXPAND, Slot.ADD_CHECK, source,
                "add check " + check.name() + " on " + toTable,
                recipe.appendTo(ctx.clauses().addCheck(table, check)),
                Reverse.Sql.of(dropCheckSql(table, check, before)), recipe.lock(), table, toTable);
    }

    void dropCheck(SchemaChange source, String toTable, Check check) {
        String table = ctx.names().table(PhaseKind.EXPAND, toTable);
        Table before = ctx.fromTable(table);
        ctx.order().add(PhaseKind.EXPAND, Slot.DROP_CHECK, source,
                "drop check " + check.name() + " on " + toTable, dropCheckSql(table, check, before),
                Reverse.Sql.of(ctx.algorithms().addCheck(before).appendTo(ctx.clauses().addCheck(table, check))),
                ctx.algorithms().dropCheck(before).lock(), table, toTable);
    }

    private String dropCheckSql(String table, Check check, Table before) {
        return ctx.algorithms().dropCheck(before).appendTo(ctx.clauses().dropConstraint(table, check.name()));
    }

    void modifyCheck(SchemaChange.ModifyCheck change) {
        dropCheck(change, change.table(), change.from());
        addCheck(change, change.table(), change.to());
    }

    /** ADD PRIMARY KEY rebuilds the table online; it may fail on duplicate or NULL values, which is why it waits for EXPAND's end. */
    void addPrimaryKey(SchemaChange.AddPrimaryKey change) {
        PhaseKind phase = PhaseKind.EXPAND;
        String table = ctx.names().table(phase, change.table());
        Table before = ctx.fromTable(table);
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addPrimaryKey(before);
        ctx.order().add(phase, Slot.PRIMARY_KEY, change, "add primary key on " + change.tableLocation(),
                recipe.appendTo(ctx.clauses().alterTable(table, "ADD " + primaryKey(phase, change.table(), change.key()))),
                Reverse.Sql.of(ctx.algorithms().dropPrimaryKey(before).appendTo(ctx.clauses().dropPrimaryKey(table))),
                recipe.lock(), table, change.table());
    }

    void dropPrimaryKey(SchemaChange.DropPrimaryKey change) {
        PhaseKind phase = PhaseKind.CONTRACT;
        String table = change.table();
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, table));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().dropPrimaryKey(before);
        ctx.order().add(phase, Slot.PRIMARY_KEY, change, "drop primary key of " + change.tableLocation(),
                recipe.appendTo(ctx.clauses().dropPrimaryKey(table)),
                Reverse.Sql.of(ctx.algorithms().addPrimaryKey(before).appendTo(ctx.clauses().alterTable(table,
                        "ADD " + primaryKey(phase, table, change.key())))), recipe.lock(), table);
    }

    /** Replacing the key's columns in one statement keeps the table clustered by some key throughout, so it stays online. */
    void modifyPrimaryKey(SchemaChange.ModifyPrimaryKey change) {
        PhaseKind phase = PhaseKind.CONTRACT;
        String table = change.table();
        Table before = ctx.fromTable(ctx.names().table(PhaseKind.EXPAND, table));
        MySqlAlgorithms.Recipe recipe = ctx.algorithms().addPrimaryKey(before);
        ctx.order().add(phase, Slot.PRIMARY_KEY, change, "change primary key of " + change.tableLocation(),
                recipe.appendTo(ctx.clauses().alterTable(table, "DROP PRIMARY KEY, ADD " + primaryKey(phase, table, change.to()))),
                Reverse.Sql.of(recipe.appendTo(ctx.clauses().alterTable(table, "DROP PRIMARY KEY, ADD " + primaryKey(phase, table, change.from())))),
                recipe.lock(), table);
    }

    private String primaryKey(PhaseKind phase, String table, PrimaryKey key) {
        return ctx.tables().primaryKey(ctx.names().columns(phase, table, key.columns()));
    }
}

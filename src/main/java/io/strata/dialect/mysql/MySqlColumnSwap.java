package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.model.Column;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.plan.Backfill;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * MySqlColumnSwap is the MySQL/MariaDB form of the online column swap (see the PostgreSQL planner's
 * {@code PostgresColumnSwap}) for a renamed column (with or without a type change): the new column is
 * added instantly (EXPAND) and kept in step with the old one by BEFORE INSERT and BEFORE UPDATE triggers
 * both ways, backfilled in batches (MIGRATE), and in CONTRACT the triggers and the old column are dropped
 * and the new one gets its final definition. Assignment converts between the types, as MODIFY COLUMN would,
 * and strict mode rejects a value that does not fit. {@link MySqlSwapEligibility} decides which columns take
 * this route; the others change in place.
 */
final class MySqlColumnSwap {

    private static final LockImpact TRIGGER = new LockImpact("metadata lock", false, false);
    private static final LockImpact ROWS = new LockImpact("row locks", false, false);
    private static final int MAX_NAME = 64;

    private final MySqlPlanContext ctx;

    MySqlColumnSwap(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /** The identifiers of one swap. */
    private record Names(String table, String oldCol, String newCol, String insertTrigger, String updateTrigger) {
        static Names of(MySqlSwapEligibility.Swap swap) {
            String newCol = swap.to().name();
            String base = "strata_sync_" + swap.table() + "_" + swap.to().name();
            return new Names(swap.table(), swap.from().name(), newCol, cut(base + "_ins"), cut(base + "_upd"));
        }
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** The steps of one swap, in their phases. */
    void plan(MySqlSwapEligibility.Swap swap) {
        Names n = Names.of(swap);
        Table before = ctx.fromTable(swap.table());
        Table after = ctx.toTable(swap.table());
        Column open = new Column(n.newCol(), swap.to().type(), true, null, null, null, false, swap.to().collation(),
                swap.to().charset(), null, null);
        MySqlAlgorithms.Recipe add = ctx.algorithms().addColumn(before, open, true);
        MySqlAlgorithms.Recipe drop = ctx.algorithms().dropColumn(before);
        String q = ctx.q().ident(n.newCol());
        step(PhaseKind.EXPAND, Slot.ADD_COLUMN, "add column " + n.table() + "." + n.newCol() + " beside "
                        + n.oldCol(), add.appendTo(ctx.clauses().addColumn(n.table(), ctx.columnDefinition(open, n.newCol(), after))),
                Reverse.Sql.of(drop.appendTo(ctx.clauses().dropColumn(n.table(), n.newCol()))), add.lock());
        step(PhaseKind.EXPAND, Slot.ADD_COLUMN, "create trigger " + n.insertTrigger() + " on " + n.table(),
                insertTrigger(swap, n), Reverse.Sql.of(dropTrigger(n.insertTrigger())), TRIGGER);
        step(PhaseKind.EXPAND, Slot.ADD_COLUMN, "create trigger " + n.updateTrigger() + " on " + n.table(),
                updateTrigger(swap, n), Reverse.Sql.of(dropTrigger(n.updateTrigger())), TRIGGER);
        List<String> keys = before.primaryKey().columns().stream().map(ctx.q()::ident).toList();
        Backfill backfill = new Backfill(ctx.q().ident(n.table()), keys, q + " = " + ctx.q().ident(n.oldCol()));
        step(PhaseKind.MIGRATE, Slot.MODIFY_COLUMN, "backfill " + n.table() + "." + n.newCol() + " from "
                + n.oldCol() + " in batches", backfill.statement(), Reverse.Sql.of(), ROWS);
        step(PhaseKind.CONTRACT, Slot.DROP_COLUMN, "drop trigger " + n.insertTrigger(),
                dropTrigger(n.insertTrigger()), Reverse.Sql.of(insertTrigger(swap, n)), TRIGGER);
        step(PhaseKind.CONTRACT, Slot.DROP_COLUMN, "drop trigger " + n.updateTrigger(),
                dropTrigger(n.updateTrigger()), Reverse.Sql.of(updateTrigger(swap, n)), TRIGGER);
        dropOld(swap, n, before, after);
        Column last = new Column(swap.to().name(), swap.to().type(), true, null, null, null, false, swap.to().collation(),
                swap.to().charset(), null, null);
        Set<ColumnChangeKind> finish = EnumSet.noneOf(ColumnChangeKind.class);
        if (!swap.to().nullable()) {
            finish.add(ColumnChangeKind.NULLABILITY);
        }
        if (swap.to().defaultExpr() != null) {
            finish.add(ColumnChangeKind.DEFAULT);
        }
        if (swap.to().comment() != null) {
            finish.add(ColumnChangeKind.COMMENT);
        }
        if (!finish.isEmpty()) {
            MySqlAlgorithms.Recipe modify = ctx.algorithms().modifyColumn(after, last, swap.to(), finish);
            step(PhaseKind.CONTRACT, Slot.DROP_COLUMN, "give " + n.table() + "." + swap.to().name()
                            + " its final definition", modify.appendTo(ctx.clauses().modifyColumn(n.table(),
                            ctx.columnDefinition(swap.to(), swap.to().name(), after))),
                    Reverse.Sql.of(modify.appendTo(ctx.clauses().modifyColumn(n.table(),
                            ctx.columnDefinition(last, swap.to().name(), after)))), modify.lock());
        }
    }

    /**
     * Drops the old column. Lossless values (a rename, a widening) come back from the new column in the
     * reverse; otherwise the step stands for a column drop, which the executor backs up by primary key.
     */
    private void dropOld(MySqlSwapEligibility.Swap swap, Names n, Table before, Table after) {
        MySqlAlgorithms.Recipe drop = ctx.algorithms().dropColumn(before);
        String sql = drop.appendTo(ctx.clauses().dropColumn(n.table(), n.oldCol()));
        String what = "drop the old column " + n.table() + "." + n.oldCol();
        if (!swap.lossless()) {
            ctx.order().add(PhaseKind.CONTRACT, Slot.DROP_COLUMN,
                    new io.strata.plan.Step(what, sql, new Reverse.Irreversible("the values of " + n.oldCol()
                            + " may not convert back from " + swap.to().type().sql()), false, drop.lock(),
                            new DropColumn(ctx.from().name(), swap.table(), swap.from())), n.table());
            return;
        }
        Column old = swap.from();
        Column open = new Column(old.name(), old.type(), true, null, null, null, false,
                old.collation(), old.charset(), old.comment(), null);
        MySqlAlgorithms.Recipe add = ctx.algorithms().addColumn(after, open, true);
        List<String> reverse = new ArrayList<>();
        reverse.add(add.appendTo(ctx.clauses().addColumn(n.table(), ctx.columnDefinition(open, old.name(), before))));
        reverse.add("UPDATE " + ctx.q().ident(n.table()) + " SET " + ctx.q().ident(old.name()) + " = " + ctx.q().ident(n.newCol()));
        if (!old.nullable()) {
            Column closed = open.withNullable(false);
            reverse.add(ctx.algorithms().modifyColumn(before, open, closed, Set.of(ColumnChangeKind.NULLABILITY))
                    .appendTo(ctx.clauses().modifyColumn(n.table(), ctx.columnDefinition(closed, old.name(), before))));
        }
        ctx.order().add(PhaseKind.CONTRACT, Slot.DROP_COLUMN,
                new io.strata.plan.Step(what, sql, new Reverse.Sql(reverse), false, drop.lock(),
                        swap.source()), n.table());
    }

    /**
     * Fills whichever column the client left out. A rename moves the old column's default into the trigger
     * body, so a client writing only the new column does not leave the old one at its default.
     */
    private String insertTrigger(MySqlSwapEligibility.Swap swap, Names n) {
        String oldC = "NEW." + ctx.q().ident(n.oldCol());
        String newC = "NEW." + ctx.q().ident(n.newCol());
        StringBuilder body = new StringBuilder("IF ").append(newC).append(" IS NULL THEN SET ").append(newC).append(" = ")
                .append(oldC).append(";");
        body.append(" ELSEIF ").append(oldC).append(" IS NULL OR ").append(oldC).append(" <=> ")
                .append(defaultOf(swap.from())).append(" THEN SET ").append(oldC).append(" = ").append(newC).append(";");
        body.append(" END IF;");
        return "CREATE TRIGGER " + ctx.q().ident(n.insertTrigger()) + " BEFORE INSERT ON " + ctx.q().ident(n.table())
                + " FOR EACH ROW BEGIN " + body + " END";
    }

    /** Copies the column the client changed to the other; a backfill's write of the new column then changes nothing else. */
    private String updateTrigger(MySqlSwapEligibility.Swap swap, Names n) {
        String oldC = "NEW." + ctx.q().ident(n.oldCol());
        String newC = "NEW." + ctx.q().ident(n.newCol());
        String oldChanged = "NOT (" + oldC + " <=> OLD." + ctx.q().ident(n.oldCol()) + ")";
        String body = "IF " + oldChanged + " THEN SET " + newC + " = " + oldC + "; ELSEIF NOT (" + newC + " <=> OLD."
                + ctx.q().ident(n.newCol()) + ") THEN SET " + oldC + " = " + newC + "; ELSEIF " + newC + " IS NULL THEN SET "
                + newC + " = " + oldC + "; END IF;";
        return "CREATE TRIGGER " + ctx.q().ident(n.updateTrigger()) + " BEFORE UPDATE ON " + ctx.q().ident(n.table())
                + " FOR EACH ROW BEGIN " + body + " END";
    }

    private String defaultOf(Column c) {
        return c.defaultExpr() == null ? "NULL" : MySqlTableRenderer.defaultValue(c.defaultExpr());
    }

    private String dropTrigger(String name) {
        return "DROP TRIGGER " + ctx.q().ident(name);
    }

    private void step(PhaseKind phase, Slot slot, String description, String sql, Reverse reverse, LockImpact lock) {
        ctx.order().add(phase, slot, new io.strata.plan.Step(description, sql, reverse, false, lock, null));
    }
}

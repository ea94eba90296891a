package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.plan.Backfill;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.SHARE_ROW_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.VALIDATE;
import static io.strata.dialect.postgres.PostgresPlanContext.outsideTransaction;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/**
 * PostgresColumnSwap writes the expand/migrate/contract recipe for a renamed column or a type change
 * that would rewrite the table (pgroll's recipe): instead of changing the column in place,
 * <ul>
 *   <li>EXPAND adds the new column beside the old one, with a trigger that keeps the two in step on every
 *       insert and update (both ways for a rename, since old and new application versions each write one);</li>
 *   <li>MIGRATE backfills the new column in batches, proves NOT NULL with a validated check and builds its
 *       indexes concurrently under temporary names;</li>
 *   <li>CONTRACT, once every client uses the new shape, drops the trigger and the old column and gives the
 *       new column and its indexes their final names: catalog updates only, no rewrite, no long lock.</li>
 * </ul>
 * {@link PostgresSwapEligibility} decides which columns can take this route; the others change in place.
 * The steps are supporting steps (no source change), except the drop of the old column, which stands for
 * the rename, or for a column drop when the values do not convert back, so that it is backed up.
 */
final class PostgresColumnSwap {

    private static final LockImpact ROW_EXCLUSIVE = new LockImpact("ROW EXCLUSIVE", false, false);
    private static final int MAX_NAME = 63;

    private final PostgresPlanContext ctx;
    private final PostgresConstraintSteps constraints;

    PostgresColumnSwap(PostgresPlanContext ctx, PostgresConstraintSteps constraints) {
        this.ctx = ctx;
        this.constraints = constraints;
    }

    /** Plans one swap into the three phases. */
    void plan(PostgresSwapEligibility.Swap swap) {
        String schema = swap.schema();
        Table before = ctx.fromTable(schema, swap.table()).orElseThrow();
        Table after = ctx.toTable(schema, swap.table()).orElseThrow();
        Names n = new Names(swap, after);
        expand(swap, n);
        migrate(swap, n, after);
        contract(swap, n, before, after);
        if (swap.renamed()) {
            ctx.order().deployNote("reads and writes " + schema + "." + swap.table() + "." + swap.to().name()
                    + " instead of " + swap.from().name());
        }
    }

    /** The identifiers one swap uses. */
    private final class Names {
        final String table;
        final String oldCol;
        /** The new column while both exist: its final name for a rename, a shadow name for a type change. */
        final String work;
        final String function;
        final String trigger;

        Names(PostgresSwapEligibility.Swap swap, Table after) {
            table = ctx.qualified(swap.schema(), swap.table());
            oldCol = swap.from().name();
            work = swap.renamed() ? swap.to().name() : cut(swap.to().name() + "_strata_new");
            trigger = cut("strata_sync_" + after.name() + "_" + swap.to().name());
            function = ctx.qualified(swap.schema(), trigger);
        }
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    // ---- EXPAND: new column, sync trigger

    private void expand(PostgresSwapEligibility.Swap swap, Names n) {
        Column open = new Column(n.work, swap.to().type(), true, null, null, null, false, swap.to().collation(), null,
                null, null);
        List<Step> out = new ArrayList<>();
        out.add(step("add column " + n.table + "." + ctx.ident(n.work) + " beside " + ctx.ident(n.oldCol),
                ctx.clauses().addColumn(swap.schema(), swap.table(), ctx.tables().column(open)),
                undo(ctx.clauses().dropColumn(swap.schema(), swap.table(), n.work)), ACCESS_EXCLUSIVE, null));
        out.add(step("create function " + n.function + " that keeps " + ctx.ident(n.oldCol) + " and "
                        + ctx.ident(n.work) + " in step", syncFunction(swap, n),
                undo("DROP FUNCTION " + n.function + "()"), LockImpact.NONE, null));
        out.add(step("create trigger " + ctx.ident(n.trigger) + " on " + n.table, createTrigger(n),
                undo(dropTrigger(n)), SHARE_ROW_EXCLUSIVE, null));
        String oldDefault = swap.from().defaultExpr();
        if (swap.renamed() && oldDefault != null) {
            // The trigger applies the default now: a new client that writes only the new column must not leave
            // the old one at its default while the new one holds the real value.
            out.add(step("move the default of " + ctx.ident(n.oldCol) + " into the trigger",
                    ctx.clauses().alterColumn(swap.schema(), swap.table(), n.oldCol, "DROP DEFAULT"),
                    undo(ctx.clauses().alterColumn(swap.schema(), swap.table(), n.oldCol, "SET DEFAULT " + oldDefault)),
                    ACCESS_EXCLUSIVE, null));
        }
        ctx.order().add(PhaseKind.EXPAND, Slot.COLUMN_ADD, out);
    }

    /**
     * The trigger function. An insert fills whichever column the client left out; an update copies the column
     * the client changed to the other. A backfill writes the new column with exactly the converted old value,
     * so it never writes back into the old column (which a lossy conversion would alter).
     */
    private String syncFunction(PostgresSwapEligibility.Swap swap, Names n) {
        String oldC = "NEW." + ctx.ident(n.oldCol);
        String work = "NEW." + ctx.ident(n.work);
        String forward = cast(oldC, swap.from(), swap.to());
        StringBuilder body = new StringBuilder();
        body.append("BEGIN\n  IF TG_OP = 'INSERT' THEN\n");
        if (swap.renamed()) {
            String back = cast(work, swap.to(), swap.from());
            if (swap.from().defaultExpr() != null) {
                body.append("    IF ").append(oldC).append(" IS NULL AND ").append(work).append(" IS NULL THEN ")
                        .append(oldC).append(" := ").append(swap.from().defaultExpr()).append("; END IF;\n");
            }
            body.append("    IF ").append(work).append(" IS NULL THEN ").append(work).append(" := ").append(forward)
                    .append(";\n    ELSIF ").append(oldC).append(" IS NULL THEN ").append(oldC).append(" := ").append(back)
                    .append("; END IF;\n  ELSE\n")
                    .append("    IF ").append(oldC).append(" IS DISTINCT FROM OLD.").append(ctx.ident(n.oldCol))
                    .append(" THEN ").append(work).append(" := ").append(forward).append(";\n")
                    .append("    ELSIF ").append(work).append(" IS DISTINCT FROM OLD.").append(ctx.ident(n.work))
                    .append(" AND ").append(work).append(" IS DISTINCT FROM ").append(forward).append(" THEN ")
                    .append(oldC).append(" := ").append(back).append(";\n")
                    .append("    ELSIF ").append(work).append(" IS NULL THEN ").append(work).append(" := ").append(forward)
                    .append("; END IF;\n  END IF;\n");
        } else {
            // Nobody writes the shadow column: it follows the old one.
            body.append("    ").append(work).append(" := ").append(forward).append(";\n  ELSIF ").append(oldC)
                    .append(" IS DISTINCT FROM OLD.").append(ctx.ident(n.oldCol)).append(" OR ").append(work)
                    .append(" IS NULL THEN ").append(work).append(" := ").append(forward).append(";\n  END IF;\n");
        }
        body.append("  RETURN NEW;\nEND");
        return "CREATE FUNCTION " + n.function + "() RETURNS trigger LANGUAGE plpgsql AS $strata$\n" + body + "\n$strata$";
    }

    private String createTrigger(Names n) {
        return "CREATE TRIGGER " + ctx.ident(n.trigger) + " BEFORE INSERT OR UPDATE ON " + n.table
                + " FOR EACH ROW EXECUTE " + (ctx.major() >= 11 ? "FUNCTION " : "PROCEDURE ") + n.function + "()";
    }

    private String dropTrigger(Names n) {
        return "DROP TRIGGER " + ctx.ident(n.trigger) + " ON " + n.table;
    }

    /** {@code expr} of column {@code from}'s type as {@code to}'s, converted as ALTER TYPE ... USING converts it. */
    private String cast(String expr, Column from, Column to) {
        if (from.type().equals(to.type())) {
            return expr;
        }
        return PostgresColumnSteps.converted("(" + expr + ")", from.type(), to.type(), ctx.tables().typeSql(to.type()));
    }

    // ---- MIGRATE: backfill, NOT NULL proof, indexes

    private void migrate(PostgresSwapEligibility.Swap swap, Names n, Table after) {
        String assign = ctx.ident(n.work) + " = " + cast(ctx.ident(n.oldCol), swap.from(), swap.to());
        List<String> keys = after.primaryKey().columns().stream().map(ctx::ident).toList();
        Backfill backfill = new Backfill(n.table, keys, assign);
        ctx.order().add(PhaseKind.MIGRATE, Slot.COLUMN_ALTER, List.of(outsideTransaction(
                "backfill " + n.table + "." + ctx.ident(n.work) + " from " + ctx.ident(n.oldCol) + " in batches",
                backfill.statement(), undo(), ROW_EXCLUSIVE, null)));
        if (!swap.to().nullable() && ctx.major() >= 12) {
            ctx.order().add(PhaseKind.MIGRATE, Slot.CONSTRAINT_ADD,
                    constraints.addCheck(null, swap.schema(), swap.table(), notNullCheck(after, n)));
        }
        List<Step> indexes = new ArrayList<>();
        for (Index ix : swap.indexes()) {
            Index temp = temporary(ix, swap, n);
            indexes.add(outsideTransaction("create index " + ctx.ident(temp.name()) + " on " + n.table + " concurrently",
                    ctx.renderer().createIndex(swap.schema(), swap.table(), temp, true),
                    undo("DROP INDEX CONCURRENTLY IF EXISTS " + ctx.qualified(swap.schema(), temp.name())), VALIDATE, null));
        }
        ctx.order().add(PhaseKind.MIGRATE, Slot.INDEX_ADD, indexes);
    }

    private Check notNullCheck(Table after, Names n) {
        return new Check(cut(PostgresConstraintSteps.notNullCheckName(after, n.work)), ctx.ident(n.work) + " IS NOT NULL",
                false);
    }

    /** {@code ix} on the working column, under a name of its own until CONTRACT frees the final one. */
    private Index temporary(Index ix, PostgresSwapEligibility.Swap swap, Names n) {
        List<IndexPart> parts = ix.parts().stream().map(p -> swap.to().name().equals(p.column())
                ? new IndexPart(n.work, null, p.descending(), p.opclass(), p.prefixLength()) : p).toList();
        List<String> include = ix.include().stream().map(c -> c.equals(swap.to().name()) ? n.work : c).toList();
        return new Index(cut(ix.name() + "_strata"), parts, ix.unique(), ix.method(), ix.predicate(), include, null);
    }

    // ---- CONTRACT: old column out, final names in

    private void contract(PostgresSwapEligibility.Swap swap, Names n, Table before, Table after) {
        List<Step> out = new ArrayList<>();
        out.add(step("drop trigger " + ctx.ident(n.trigger) + " on " + n.table, dropTrigger(n), undo(createTrigger(n)),
                SHARE_ROW_EXCLUSIVE, null));
        out.add(step("drop function " + n.function, "DROP FUNCTION " + n.function + "()", undo(syncFunction(swap, n)),
                LockImpact.NONE, null));
        out.add(dropOldColumn(swap, n, before));
        String schema = swap.schema();
        String table = swap.table();
        String column = swap.to().name();
        if (!swap.renamed()) {
            out.add(step("rename column " + ctx.ident(n.work) + " to " + ctx.ident(column),
                    ctx.clauses().renameColumn(schema, table, n.work, column),
                    undo(ctx.clauses().renameColumn(schema, table, column, n.work)), ACCESS_EXCLUSIVE, null));
        }
        if (!swap.to().nullable()) {
            boolean proven = ctx.major() >= 12;
            out.add(step("set not null on " + n.table + "." + ctx.ident(column),
                    ctx.clauses().alterColumn(schema, table, column, "SET NOT NULL"),
                    undo(ctx.clauses().alterColumn(schema, table, column, "DROP NOT NULL")),
                    proven ? ACCESS_EXCLUSIVE : PostgresPlanContext.ACCESS_EXCLUSIVE_SCAN, null));
            if (proven) {
                Check check = notNullCheck(after, n);
                out.add(step("drop the helper check " + ctx.ident(check.name()),
                        ctx.clauses().dropConstraint(schema, table, check.name()),
                        undo(ctx.clauses().addConstraint(schema, table, ctx.clauses().constraint(check.name(),
                                "CHECK (" + ctx.ident(column) + " IS NOT NULL) NOT VALID"))), ACCESS_EXCLUSIVE, null));
            }
        }
        if (swap.to().defaultExpr() != null) {
            out.add(step("set default of " + n.table + "." + ctx.ident(column),
                    ctx.clauses().alterColumn(schema, table, column, "SET DEFAULT " + swap.to().defaultExpr()),
                    undo(ctx.clauses().alterColumn(schema, table, column, "DROP DEFAULT")), ACCESS_EXCLUSIVE, null));
        }
        if (swap.to().comment() != null) {
            String on = "COLUMN " + n.table + "." + ctx.ident(swap.to().name());
            out.add(step("comment on " + on, ctx.renderer().commentOn(on, swap.to().comment()),
                    undo(ctx.renderer().commentOn(on, null)), ACCESS_EXCLUSIVE, null));
        }
        for (Index ix : swap.indexes()) {
            String temp = cut(ix.name() + "_strata");
            out.add(step("rename index " + ctx.ident(temp) + " to " + ctx.ident(ix.name()),
                    "ALTER INDEX " + ctx.qualified(swap.schema(), temp) + " RENAME TO " + ctx.ident(ix.name()),
                    undo("ALTER INDEX " + ctx.qualified(swap.schema(), ix.name()) + " RENAME TO " + ctx.ident(temp)),
                    ACCESS_EXCLUSIVE, null));
            if (ix.comment() != null) {
                String on = "INDEX " + ctx.qualified(swap.schema(), ix.name());
                out.add(step("comment on " + on, ctx.renderer().commentOn(on, ix.comment()),
                        undo(ctx.renderer().commentOn(on, null)), ACCESS_EXCLUSIVE, null));
            }
        }
        ctx.order().add(PhaseKind.CONTRACT, Slot.COLUMN_DROP, out);
    }

    /**
     * Drops the old column, its indexes with it. When the new values convert back exactly (a rename, a
     * widening), the reverse re-creates the column from them; otherwise the step stands for a column drop,
     * which the executor backs up by primary key before it runs.
     */
    private Step dropOldColumn(PostgresSwapEligibility.Swap swap, Names n, Table before) {
        String sql = ctx.clauses().dropColumn(swap.schema(), swap.table(), n.oldCol);
        String what = "drop the old column " + n.table + "." + ctx.ident(n.oldCol);
        if (!swap.lossless()) {
            return step(what, sql, new Reverse.Irreversible("the values of " + swap.from().name()
                    + " may not convert back from " + swap.to().type().sql()), ACCESS_EXCLUSIVE,
                    new DropColumn(swap.schema(), swap.table(), swap.from()));
        }
        Column old = swap.from();
        Column open = new Column(old.name(), old.type(), true, swap.renamed() ? null : old.defaultExpr(), null, null,
                false, old.collation(), null, old.comment(), null);
        List<String> reverse = new ArrayList<>();
        reverse.add(ctx.clauses().addColumn(swap.schema(), swap.table(), ctx.tables().column(open)));
        reverse.add("UPDATE " + n.table + " SET " + ctx.ident(old.name()) + " = "
                + cast(ctx.ident(n.work), swap.to(), old));
        if (!old.nullable()) {
            reverse.add(ctx.clauses().alterColumn(swap.schema(), swap.table(), old.name(), "SET NOT NULL"));
        }
        for (Index ix : before.indexes()) {
            if (PostgresSwapEligibility.mentions(ix, old.name())) {
                reverse.add(ctx.renderer().createIndex(swap.schema(), swap.table(), ix));
            }
        }
        // A rename is undone by this reverse alone; a type change would otherwise be backed up as if altered in place.
        return step(what, sql, new Reverse.Sql(reverse), ACCESS_EXCLUSIVE, swap.renamed() ? swap.source() : null);
    }
}

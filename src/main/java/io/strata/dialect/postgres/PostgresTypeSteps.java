package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.EnumRef;
import io.strata.model.EnumType;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.ModifyEnum;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE_REWRITE;
import static io.strata.dialect.postgres.PostgresPlanContext.outsideTransaction;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/**
 * PostgresTypeSteps writes the steps for enum types. Labels added in place use {@code ALTER TYPE ... ADD
 * VALUE}; removed or reordered labels need a new type the columns move to, since PostgreSQL cannot drop
 * or move an enum label.
 */
final class PostgresTypeSteps {

    /** Swaps run after tables are created and dropped, so they see exactly the columns that use the type. */
    private static final int AFTER_TABLE_DROPS = 1_000_000;

    /** A column of a table that uses an enum type, directly or as an array element. */
    record EnumColumn(String schema, String table, Column column) {
    }

    private final PostgresPlanContext ctx;
    private final PostgresViewSteps views;

    PostgresTypeSteps(PostgresPlanContext ctx, PostgresViewSteps views) {
        this.ctx = ctx;
        this.views = views;
    }

    void addEnum(AddEnum c) {
        String name = ctx.qualified(c.schema(), c.type().name());
        ctx.order().add(PhaseKind.EXPAND, Slot.TYPE_CREATE, List.of(step("create type " + name,
                ctx.renderer().createEnum(c.schema(), c.type()), undo("DROP TYPE " + name), LockImpact.NONE, c)));
    }

    /** An enum type holds no rows; once its columns are gone, dropping it is undone by creating it again. */
    void dropEnum(DropEnum c) {
        String name = ctx.qualified(c.schema(), c.type().name());
        ctx.order().add(PhaseKind.CONTRACT, Slot.TYPE_DROP, List.of(step("drop type " + name, "DROP TYPE " + name,
                undo(ctx.renderer().createEnum(c.schema(), c.type())), LockImpact.NONE, c)));
        ctx.order().deployNote("no longer uses type " + c.location());
    }

    /** Whether the labels of {@code c} change in a way ADD VALUE cannot express (a label removed or moved). */
    static boolean needsSwap(ModifyEnum c) {
        List<String> kept = c.to().values().stream().filter(c.from().values()::contains).toList();
        return !kept.equals(c.from().values());
    }

    static boolean removesLabels(ModifyEnum c) {
        return !c.to().values().containsAll(c.from().values());
    }

    /** The phase of an enum change: removing a label breaks writers of it, so it waits for CONTRACT. */
    static PhaseKind phase(ModifyEnum c) {
        return removesLabels(c) ? PhaseKind.CONTRACT : PhaseKind.EXPAND;
    }

    void modifyEnum(ModifyEnum c) {
        if (needsSwap(c)) {
            PhaseKind phase = phase(c);
            if (removesLabels(c)) {
                ctx.order().deployNote("no longer writes the labels " + c.from().values().stream()
                        .filter(v -> !c.to().values().contains(v)).toList() + " of " + c.location());
            }
            ctx.order().add(phase, Slot.TABLE_DROP, AFTER_TABLE_DROPS, swap(c, c.schema(), c.from(), c.to(),
                    users(c.schema(), c.from().name(), phase)));
            return;
        }
        ctx.order().add(PhaseKind.EXPAND, Slot.TYPE_CREATE, addValues(c));
    }

    /**
     * ADD VALUE for each new label, placed BEFORE or AFTER a neighbour. It runs outside a transaction:
     * before PostgreSQL 12 it cannot run in one, and from 12 a label added in a transaction cannot be used
     * until it commits. A label cannot be dropped, so the reverse moves the columns back to the old labels.
     */
    private List<Step> addValues(ModifyEnum c) {
        String name = ctx.qualified(c.schema(), c.to().name());
        List<String> from = c.from().values();
        List<String> to = c.to().values();
        List<String> statements = new ArrayList<>();
        int first = 0;
        while (first < to.size() && !from.contains(to.get(first))) {
            first++;
        }
        for (int i = first - 1; i >= 0; i--) {
            statements.add("ALTER TYPE " + name + " ADD VALUE " + ctx.quoter().literal(to.get(i))
                    + (i + 1 < to.size() ? " BEFORE " + ctx.quoter().literal(to.get(i + 1)) : ""));
        }
        for (int i = first + 1; i < to.size(); i++) {
            if (!from.contains(to.get(i))) {
                statements.add("ALTER TYPE " + name + " ADD VALUE " + ctx.quoter().literal(to.get(i))
                        + " AFTER " + ctx.quoter().literal(to.get(i - 1)));
            }
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            // Only the first addition carries the swap back: undoing it undoes every later one too.
            var reverse = i == 0 ? new io.strata.plan.Reverse.Sql(swapBack(c)) : undo();
            out.add(outsideTransaction("add a label to type " + name, statements.get(i), reverse, ACCESS_EXCLUSIVE, c));
        }
        return out;
    }

    /**
     * The statements that return the columns of a type to {@code c.from()}'s labels; the views that read
     * those tables are dropped around the swap, since PostgreSQL will not retype a column a view reads.
     */
    private List<String> swapBack(ModifyEnum c) {
        // The reverse runs once every later step is undone: the columns and views are those of the old schema.
        Map<String, EnumColumn> found = new LinkedHashMap<>();
        collect(ctx.from(), c.schema(), c.from().name(), found);
        List<EnumColumn> users = List.copyOf(found.values());
        Set<String> tables = new java.util.HashSet<>(users.stream().map(EnumColumn::table).toList());
        List<String> out = new ArrayList<>(views.around(ctx.from(), tables, true));
        for (Step s : swap(c, c.schema(), c.to(), c.from(), users)) {
            out.add(s.sql());
        }
        out.addAll(views.around(ctx.from(), tables, false));
        return out;
    }

    /**
     * Replaces {@code before} by a new type with {@code after}'s labels: create it under a temporary name,
     * move every column to it through text (defaults dropped first: they name the old type), drop the old
     * type, take its name, and set the defaults again. A column holding a removed label makes it fail.
     */
    private List<Step> swap(SchemaChange c, String schema, EnumType before, EnumType after, List<EnumColumn> users) {
        String name = ctx.qualified(schema, before.name());
        String tempName = temporaryName(before.name());
        String temp = ctx.qualified(schema, tempName);
        List<Step> out = new ArrayList<>();
        out.add(step("create type " + temp + " with the new labels",
                ctx.renderer().createEnum(schema, new EnumType(tempName, after.values())), undo("DROP TYPE " + temp),
                LockImpact.NONE, c));
        for (EnumColumn u : users) {
            if (u.column().defaultExpr() != null) {
                out.add(step("drop default of " + u.column().name(), alterColumn(u, "DROP DEFAULT"),
                        undo(alterColumn(u, "SET DEFAULT " + u.column().defaultExpr())), ACCESS_EXCLUSIVE, c));
            }
            boolean array = u.column().type() instanceof ArrayType;
            String suffix = array ? "[]" : "";
            out.add(step("move " + u.column().name() + " to " + temp,
                    alterColumn(u, "TYPE " + temp + suffix + " USING " + ctx.ident(u.column().name()) + "::text" + suffix + "::"
                            + temp + suffix),
                    undo(alterColumn(u, "TYPE " + name + suffix + " USING " + ctx.ident(u.column().name()) + "::text" + suffix
                            + "::" + name + suffix)),
                    ACCESS_EXCLUSIVE_REWRITE, c));
        }
        out.add(step("drop type " + name, "DROP TYPE " + name, undo(ctx.renderer().createEnum(schema, before)),
                LockImpact.NONE, c));
        out.add(step("rename " + temp + " to " + ctx.ident(before.name()),
                "ALTER TYPE " + temp + " RENAME TO " + ctx.ident(before.name()),
                undo("ALTER TYPE " + name + " RENAME TO " + ctx.ident(tempName)), LockImpact.NONE, c));
        for (EnumColumn u : users) {
            if (u.column().defaultExpr() != null) {
                out.add(step("set default of " + u.column().name() + " again",
                        alterColumn(u, "SET DEFAULT " + u.column().defaultExpr()), undo(alterColumn(u, "DROP DEFAULT")),
                        ACCESS_EXCLUSIVE, c));
            }
        }
        return out;
    }

    private String alterColumn(EnumColumn u, String clause) {
        return ctx.clauses().alterColumn(u.schema(), u.table(), u.column().name(), clause);
    }

    private static String temporaryName(String name) {
        String temp = name + "__strata_new";
        return temp.length() > 63 ? temp.substring(0, 50) + "__strata_new" : temp;
    }

    /**
     * The columns that use {@code schema.type} when the swap runs: in CONTRACT, after tables were created
     * and dropped, those of the target; in EXPAND the current ones and the target's new ones.
     */
    List<EnumColumn> users(String schema, String type, PhaseKind phase) {
        Map<String, EnumColumn> out = new LinkedHashMap<>();
        if (phase == PhaseKind.EXPAND) {
            collect(ctx.from(), schema, type, out);
        }
        collect(ctx.to(), schema, type, out);
        return List.copyOf(out.values());
    }

    /** The tables of {@code catalog} with a column of the type, as {@code schema.table} keys. */
    static Set<String> tablesUsing(Catalog catalog, String schema, String type) {
        Map<String, EnumColumn> out = new LinkedHashMap<>();
        collect(catalog, schema, type, out);
        return new java.util.LinkedHashSet<>(out.values().stream().map(u -> u.schema() + "." + u.table()).toList());
    }

    private static void collect(Catalog catalog, String schema, String type, Map<String, EnumColumn> out) {
        for (Schema s : catalog.schemas()) {
            for (Table t : s.tables()) {
                // Partitions and children share their parent's columns; altering the parent moves theirs.
                if (!PostgresObjectOrder.parents(t).isEmpty()) {
                    continue;
                }
                for (Column col : t.columns()) {
                    if (uses(col.type(), schema, type)) {
                        out.putIfAbsent(s.name() + "\u0000" + t.name() + "\u0000" + col.name(), new EnumColumn(s.name(), t.name(), col));
                    }
                }
            }
        }
    }

    private static boolean uses(ColumnType type, String schema, String name) {
        if (type instanceof ArrayType a) {
            return uses(a.element(), schema, name);
        }
        return type instanceof EnumRef e && e.name().equals(name) && (e.schema() == null || e.schema().equals(schema));
    }
}

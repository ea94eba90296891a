package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.DropCheck;
import io.strata.model.change.SchemaChange.DropForeignKey;
import io.strata.model.change.SchemaChange.DropPrimaryKey;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE_SCAN;
import static io.strata.dialect.postgres.PostgresPlanContext.SHARE_ROW_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.VALIDATE;
import static io.strata.dialect.postgres.PostgresPlanContext.outsideTransaction;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/**
 * PostgresConstraintSteps writes the steps for primary keys, unique constraints, checks and foreign keys,
 * with the online recipes for live tables: {@code NOT VALID} then {@code VALIDATE}, and unique indexes
 * built concurrently then attached with {@code USING INDEX}.
 */
final class PostgresConstraintSteps {

    private static final String PRIMARY_KEY = "PRIMARY KEY";
    private static final String UNIQUE = "UNIQUE";

    private final PostgresPlanContext ctx;

    PostgresConstraintSteps(PostgresPlanContext ctx) {
        this.ctx = ctx;
    }

    /** Whether a constraint on this table can take the online recipe: an existing, non-partitioned table. */
    private boolean online(String schema, String table) {
        return !ctx.isNew(schema, table) && !ctx.partitioned(schema, table);
    }

    // ---- primary keys

    void addPrimaryKey(AddPrimaryKey c) {
        ctx.order().add(ctx.expand(c), Slot.CONSTRAINT_ADD, addKey(c, c.schema(), c.table(), c.key().name(),
                c.key().columns(), PRIMARY_KEY, false));
    }

    void dropPrimaryKey(DropPrimaryKey c) {
        PhaseKind phase = keyDropPhase(c, c.key().columns());
        ctx.order().add(phase, Slot.INDEX_DROP, dropKey(c, c.schema(), c.table(), c.key()));
        readdDependents(c, phase, c.key().columns());
    }

    void modifyPrimaryKey(ModifyPrimaryKey c) {
        PhaseKind phase = keyDropPhase(c, c.from().columns());
        ctx.order().add(phase, Slot.INDEX_DROP, dropKey(c, c.schema(), c.table(), c.from()));
        ctx.order().add(phase, Slot.CONSTRAINT_ADD, addKey(c, c.schema(), c.table(), c.to().name(),
                c.to().columns(), PRIMARY_KEY, false));
        readdDependents(c, phase, c.from().columns());
    }

    private List<Step> dropKey(SchemaChange c, String schema, String table, PrimaryKey key) {
        return List.of(step("drop primary key of " + ctx.qualified(schema, table),
                ctx.clauses().dropConstraint(schema, table, key.name()),
                undo(ctx.clauses().addConstraint(schema, table, ctx.clauses().key(before(schema, table), key.name(),
                        key.columns(), PRIMARY_KEY, false))), ACCESS_EXCLUSIVE, c));
    }

    private String keyClause(String schema, String table, String name, List<String> columns, String kind,
                             boolean nullsNotDistinct) {
        return ctx.clauses().key(ctx.table(schema, table), name, columns, kind, nullsNotDistinct);
    }

    /** The table as it was: a dropped key's undo puts it back with the deferrability it had. */
    private Table before(String schema, String table) {
        return ctx.fromTable(schema, table).orElseGet(() -> ctx.table(schema, table));
    }

    // ---- foreign keys that need a key being dropped

    /** A foreign key of the current schema, with the table that holds it. */
    private record Dependent(String schema, String table, ForeignKey fk) {
    }

    /** The foreign keys already dropped and added again around a key: one key change may meet them twice. */
    private final java.util.Set<Dependent> readded = new java.util.HashSet<>();

    /**
     * The foreign keys of the current schema that reference exactly {@code columns} of the changed table: PostgreSQL
     * refuses to drop the key (or unique constraint) they rely on while they exist.
     */
    private List<Dependent> dependents(SchemaChange.InTable c, List<String> columns) {
        List<Dependent> out = new ArrayList<>();
        java.util.Set<String> key = new java.util.HashSet<>(columns);
        for (var s : ctx.from().schemas()) {
            for (Table t : s.tables()) {
                for (ForeignKey fk : t.foreignKeys()) {
                    String refSchema = fk.refSchema() == null ? s.name() : fk.refSchema();
                    if (refSchema.equals(c.schema()) && fk.refTable().equals(c.table())
                            && new java.util.HashSet<>(fk.refColumns()).equals(key)) {
                        out.add(new Dependent(s.name(), t.name(), fk));
                    }
                }
            }
        }
        return out;
    }

    /** The same foreign key in the desired schema, if it stays as it is. */
    private boolean kept(Dependent d) {
        return ctx.toTable(d.schema(), d.table()).map(t -> t.foreignKeys().contains(d.fk())).orElse(false);
    }

    /**
     * The phase a key is dropped in: with the table of a foreign key that needs it, when that table is dropped
     * (in CONTRACT, after its foreign keys), else as any change of the table.
     */
    private PhaseKind keyDropPhase(SchemaChange.InTable c, List<String> columns) {
        boolean withDroppedTable = dependents(c, columns).stream()
                .anyMatch(d -> ctx.toTable(d.schema(), d.table()).isEmpty());
        return withDroppedTable ? PhaseKind.CONTRACT : ctx.expand(c);
    }

    /**
     * Drops the foreign keys that stay but need the key {@code c} drops before it goes, and adds them again once
     * the keys of the table are in place (FK_ADD comes after CONSTRAINT_ADD). Foreign keys that go away are
     * dropped by their own change, also before the key.
     */
    private void readdDependents(SchemaChange.InTable c, PhaseKind phase, List<String> columns) {
        for (Dependent d : dependents(c, columns)) {
            if (kept(d) && readded.add(d)) {
                ctx.order().add(phase, Slot.FK_DROP, dropForeignKey(c, d.schema(), d.table(), d.fk()));
                ctx.order().add(phase, Slot.FK_ADD, addForeignKey(c, d.schema(), d.table(), d.fk(), false));
            }
        }
    }

    /**
     * A primary key or unique constraint whose only change is its deferrability, which PostgreSQL cannot alter in
     * place for these: dropped and added again with the new setting. A key that changes otherwise (or comes or goes)
     * carries its deferrability in its own change, so nothing is planned here for it.
     */
    void changeDeferrability(SchemaChange.ModifyTable c, PhaseKind phase, String name) {
        Table a = c.from();
        Table b = c.to();
        SchemaChange.InTable at;
        List<String> columns;
        String kind;
        boolean nullsNotDistinct = false;
        if (a.primaryKey() != null && a.primaryKey().equals(b.primaryKey()) && a.primaryKey().name().equals(name)) {
            at = new DropPrimaryKey(c.schema(), b.name(), a.primaryKey());
            columns = a.primaryKey().columns();
            kind = PRIMARY_KEY;
        } else {
            UniqueConstraint u = a.uniques().stream().filter(x -> x.name().equals(name) && b.uniques().contains(x))
                    .findFirst().orElse(null);
            if (u == null) {
                // Added, dropped or changed otherwise: that change writes the constraint with its deferrability.
                ctx.order().carried(c);
                return;
            }
            at = new DropUnique(c.schema(), b.name(), u);
            columns = u.columns();
            kind = UNIQUE;
            nullsNotDistinct = u.nullsNotDistinct();
        }
        String schema = c.schema();
        String table = b.name();
        String readd = ctx.clauses().addConstraint(schema, table, ctx.clauses().key(a, name, columns, kind, nullsNotDistinct));
        ctx.order().add(phase, Slot.INDEX_DROP, List.of(step("drop " + kind.toLowerCase(java.util.Locale.ROOT) + " "
                + ctx.ident(name) + " to change its deferrability", ctx.clauses().dropConstraint(schema, table, name),
                undo(readd), ACCESS_EXCLUSIVE, c)));
        ctx.order().add(phase, Slot.CONSTRAINT_ADD, addKey(c, schema, table, name, columns, kind, nullsNotDistinct));
        readdDependents(at, phase, columns);
    }

    /**
     * A primary key or unique constraint. On a live table the index is built concurrently first (writers
     * keep going) and the constraint then takes it over, which only needs a short exclusive lock.
     */
    private List<Step> addKey(SchemaChange c, String schema, String table, String name, List<String> columns,
                              String kind, boolean nullsNotDistinct) {
        String what = kind.toLowerCase(java.util.Locale.ROOT) + " " + ctx.ident(name) + " on "
                + ctx.qualified(schema, table);
        String[] drop = keyReverse(schema, table, name, columns, kind);
        if (!online(schema, table)) {
            return List.of(step("add " + what, ctx.clauses().addConstraint(schema, table,
                    keyClause(schema, table, name, columns, kind, nullsNotDistinct)), undo(drop), ACCESS_EXCLUSIVE_SCAN, c));
        }
        Index index = new Index(name, columns.stream().map(IndexPart::column).toList(), true, null, null, List.of(), null);
        String create = ctx.renderer().createIndex(schema, table, index, true);
        if (nullsNotDistinct) {
            // CREATE INDEX takes NULLS NOT DISTINCT after the key list, as UNIQUE constraints do.
            create = create + " NULLS NOT DISTINCT";
        }
        List<Step> out = new ArrayList<>();
        out.add(outsideTransaction("build the unique index of " + what + " concurrently", create,
                undo("DROP INDEX CONCURRENTLY IF EXISTS " + ctx.qualified(schema, name)), PostgresPlanContext.VALIDATE, c));
        out.add(step("add " + what + " using its index", ctx.clauses().addConstraint(schema, table,
                ctx.clauses().constraint(name, kind + " USING INDEX " + ctx.ident(name)
                        + ctx.clauses().deferrable(ctx.table(schema, table), name))), undo(drop), ACCESS_EXCLUSIVE, c));
        return out;
    }

    /**
     * Dropping a primary key leaves its columns NOT NULL: columns that accepted NULL before it are given
     * that back, so the reverse restores the table as it was.
     */
    private String[] keyReverse(String schema, String table, String name, List<String> columns, String kind) {
        List<String> out = new ArrayList<>(List.of(ctx.clauses().dropConstraint(schema, table, name)));
        Table before = ctx.fromTable(schema, table).orElse(null);
        if (kind.contains("PRIMARY") && before != null) {
            for (String col : columns) {
                if (before.column(col).map(io.strata.model.Column::nullable).orElse(false)) {
                    out.add(ctx.clauses().alterColumn(schema, table, col, "DROP NOT NULL"));
                }
            }
        }
        return out.toArray(String[]::new);
    }

    // ---- unique constraints

    void addUnique(AddUnique c) {
        UniqueConstraint u = c.unique();
        ctx.order().add(ctx.expand(c), Slot.CONSTRAINT_ADD, addKey(c, c.schema(), c.table(), u.name(), u.columns(),
                UNIQUE, u.nullsNotDistinct()));
    }

    /** Dropping a constraint loses no data: undone by adding it again. */
    void dropUnique(DropUnique c) {
        UniqueConstraint u = c.unique();
        PhaseKind phase = keyDropPhase(c, u.columns());
        ctx.order().add(phase, Slot.INDEX_DROP, List.of(step("drop unique constraint " + ctx.ident(u.name()),
                ctx.clauses().dropConstraint(c.schema(), c.table(), u.name()),
                undo(ctx.clauses().addConstraint(c.schema(), c.table(), ctx.clauses().key(before(c.schema(), c.table()),
                        u.name(), u.columns(), UNIQUE, u.nullsNotDistinct()))), ACCESS_EXCLUSIVE, c)));
        readdDependents(c, phase, u.columns());
    }

    // ---- checks

    void addCheck(AddCheck c) {
        ctx.order().add(ctx.expand(c), Slot.CONSTRAINT_ADD, addCheck(c, c.schema(), c.table(), c.check()));
    }

    void dropCheck(DropCheck c) {
        ctx.order().add(ctx.expand(c), Slot.INDEX_DROP, List.of(dropCheck(c, c.schema(), c.table(), c.check())));
    }

    void modifyCheck(ModifyCheck c) {
        ctx.order().add(ctx.expand(c), Slot.INDEX_DROP, List.of(dropCheck(c, c.schema(), c.table(), c.from())));
        ctx.order().add(ctx.expand(c), Slot.CONSTRAINT_ADD, addCheck(c, c.schema(), c.table(), c.to()));
    }

    private Step dropCheck(SchemaChange c, String schema, String table, Check k) {
        return step("drop check " + ctx.ident(k.name()), ctx.clauses().dropConstraint(schema, table, k.name()),
                undo(ctx.clauses().addConstraint(schema, table, ctx.clauses().check(k))), ACCESS_EXCLUSIVE, c);
    }

    /** On a live table: {@code NOT VALID} (a catalog update) then {@code VALIDATE}, which scans without blocking writers. */
    List<Step> addCheck(SchemaChange c, String schema, String table, Check k) {
        String drop = ctx.clauses().dropConstraint(schema, table, k.name());
        String add = ctx.clauses().addConstraint(schema, table, ctx.clauses().check(k));
        if (!online(schema, table)) {
            return List.of(step("add check " + ctx.ident(k.name()), add, undo(drop), ACCESS_EXCLUSIVE_SCAN, c));
        }
        return List.of(
                step("add check " + ctx.ident(k.name()) + " without checking existing rows", add + " NOT VALID",
                        undo(drop), ACCESS_EXCLUSIVE, c),
                validate(c, schema, table, k.name()));
    }

    /**
     * VALIDATE CONSTRAINT; nothing to undo, since the step before it is undone by dropping the constraint.
     * It must not share a transaction with that step: the {@code ACCESS EXCLUSIVE} lock of {@code ADD
     * ... NOT VALID} would then be held through the scan, blocking writers for its whole length.
     */
    Step validate(SchemaChange c, String schema, String table, String name) {
        return outsideTransaction("validate " + ctx.ident(name),
                ctx.clauses().validateConstraint(schema, table, name), undo(), VALIDATE, c);
    }

    // ---- foreign keys

    void addForeignKey(AddForeignKey c) {
        ctx.order().add(ctx.expand(c), Slot.FK_ADD, addForeignKey(c, c.schema(), c.table(), c.foreignKey(), false));
    }

    void dropForeignKey(DropForeignKey c) {
        ctx.order().add(ctx.expand(c), Slot.FK_DROP, dropForeignKey(c, c.schema(), c.table(), c.foreignKey()));
    }

    void modifyForeignKey(ModifyForeignKey c) {
        ForeignKey a = c.from();
        ForeignKey b = c.to();
        ForeignKey sameButDeferrability = new ForeignKey(b.name(), b.columns(), b.refSchema(), b.refTable(), b.refColumns(),
                b.onUpdate(), b.onDelete(), a.deferrable());
        if (a.equals(sameButDeferrability)) {
            // Only when the key is checked changed: ALTER CONSTRAINT does that in place, without checking rows again.
            ctx.order().add(ctx.expand(c), Slot.FK_ADD, List.of(step("change deferrability of foreign key "
                    + ctx.ident(b.name()), ctx.clauses().alterConstraint(c.schema(), c.table(), b.name(), deferrability(b)),
                    undo(ctx.clauses().alterConstraint(c.schema(), c.table(), a.name(), deferrability(a))),
                    SHARE_ROW_EXCLUSIVE, c)));
            return;
        }
        ctx.order().add(ctx.expand(c), Slot.FK_DROP, dropForeignKey(c, c.schema(), c.table(), c.from()));
        ctx.order().add(ctx.expand(c), Slot.FK_ADD, addForeignKey(c, c.schema(), c.table(), c.to(), false));
    }

    private static String deferrability(ForeignKey fk) {
        return fk.deferrable() == null ? "NOT DEFERRABLE" : fk.deferrable();
    }

    List<Step> dropForeignKey(SchemaChange c, String schema, String table, ForeignKey fk) {
        return List.of(step("drop foreign key " + ctx.ident(fk.name()), ctx.clauses().dropConstraint(schema, table, fk.name()),
                undo(ctx.clauses().addForeignKey(schema, table, fk)), SHARE_ROW_EXCLUSIVE, c));
    }

    /**
     * Adds a foreign key. On a live table it is added {@code NOT VALID} (no scan under the lock both
     * tables take) and validated in a separate step that lets writers through.
     */
    List<Step> addForeignKey(SchemaChange c, String schema, String table, ForeignKey fk, boolean newTable) {
        String add = ctx.clauses().addForeignKey(schema, table, fk);
        String drop = ctx.clauses().dropConstraint(schema, table, fk.name());
        String what = "foreign key " + ctx.ident(fk.name()) + " on " + ctx.qualified(schema, table);
        if (newTable || !online(schema, table) || ctx.isNew(fk.refSchema(), fk.refTable())) {
            return List.of(step("add " + what, add, undo(drop), new LockImpact("SHARE ROW EXCLUSIVE", false, true), c));
        }
        return List.of(step("add " + what + " without checking existing rows", add + " NOT VALID", undo(drop),
                SHARE_ROW_EXCLUSIVE, c), validate(c, schema, table, fk.name()));
    }

    /** The name a NOT NULL recipe gives its temporary check; PostgreSQL 18 takes {@code <table>_<column>_not_null} itself. */
    static String notNullCheckName(Table t, String column) {
        String name = t.name() + "_" + column + "_not_null_check";
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    Check notNullCheck(Table t, String column) {
        return new Check(notNullCheckName(t, column), ctx.ident(column) + " IS NOT NULL", false);
    }
}

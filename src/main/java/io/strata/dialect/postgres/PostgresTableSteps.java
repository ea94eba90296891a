package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresStepOrder.Slot;
import io.strata.error.StrataException;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.ModifyTable;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.TableChangeKind;
import io.strata.plan.LockImpact;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE_REWRITE;
import static io.strata.dialect.postgres.PostgresPlanContext.step;
import static io.strata.dialect.postgres.PostgresPlanContext.undo;

/** PostgresTableSteps writes the steps that create, drop, rename and re-option whole tables. */
final class PostgresTableSteps {

    private static final String PARTITION_OF = "partition_of";
    private static final String PARTITION_BOUND = "partition_bound";
    private static final String INHERITS = "inherits";

    private final PostgresPlanContext ctx;
    private final PostgresObjectSteps objects;
    private final PostgresConstraintSteps constraints;

    PostgresTableSteps(PostgresPlanContext ctx, PostgresObjectSteps objects, PostgresConstraintSteps constraints) {
        this.ctx = ctx;
        this.objects = objects;
        this.constraints = constraints;
    }

    /**
     * Creates a table with its keys, checks and indexes; its foreign keys wait until every table exists.
     * A new table is empty, so no online recipe is needed.
     */
    void addTable(AddTable c, int rank) {
        Table t = c.table();
        String name = ctx.table(c.schema(), t);
        List<Table> parents = parents(t);
        List<Step> create = new ArrayList<>();
        create.add(step("create table " + name, ctx.tables().createTable(c.schema(), t, parents),
                undo("DROP TABLE " + name), LockImpact.NONE, c));
        for (String sql : ctx.tables().inheritedColumnChanges(c.schema(), t, parents)) {
            create.add(step("restore a column setting of " + name, sql, undo(), LockImpact.NONE, c));
        }
        ctx.order().add(PhaseKind.EXPAND, Slot.TABLE_CREATE, rank, create);
        List<Step> indexes = new ArrayList<>();
        for (Index ix : t.indexes()) {
            indexes.add(step("create index " + ctx.ident(ix.name()), ctx.renderer().createIndex(c.schema(), t.name(), ix),
                    undo("DROP INDEX " + ctx.qualified(c.schema(), ix.name())), LockImpact.NONE, c));
        }
        ctx.order().add(PhaseKind.EXPAND, Slot.INDEX_ADD, rank, indexes);
        for (ForeignKey fk : t.foreignKeys()) {
            ctx.order().add(PhaseKind.EXPAND, Slot.FK_ADD, constraints.addForeignKey(c, c.schema(), t.name(), fk, true));
        }
        ctx.order().add(PhaseKind.EXPAND, Slot.COMMENT, comments(c, c.schema(), t, true));
    }

    /** Comment steps for a table, its columns and indexes; {@code create} writes them, else it clears them. */
    List<Step> comments(SchemaChange source, String schema, Table t, boolean create) {
        List<Step> out = new ArrayList<>();
        String name = ctx.table(schema, t);
        if (t.comment() != null) {
            out.add(comment(source, "TABLE " + name, t.comment(), create));
        }
        for (Column col : t.columns()) {
            if (col.comment() != null) {
                out.add(comment(source, "COLUMN " + name + "." + ctx.ident(col.name()), col.comment(), create));
            }
        }
        for (Index ix : t.indexes()) {
            if (ix.comment() != null) {
                out.add(comment(source, "INDEX " + ctx.qualified(schema, ix.name()), ix.comment(), create));
            }
        }
        return out;
    }

    private Step comment(SchemaChange source, String target, String text, boolean create) {
        return create ? objects.comment(source, target, null, text) : objects.comment(source, target, text, null);
    }

    /**
     * Drops a table, after its foreign keys: its rows are lost, so the step cannot be undone from the schema
     * (Strata's executor backs the rows up before it runs).
     */
    void dropTable(DropTable c, int rank) {
        Table t = c.table();
        String name = ctx.table(c.schema(), t);
        for (ForeignKey fk : t.foreignKeys()) {
            ctx.order().add(PhaseKind.CONTRACT, Slot.FK_DROP, constraints.dropForeignKey(c, c.schema(), t.name(), fk));
        }
        ctx.order().add(PhaseKind.CONTRACT, Slot.TABLE_DROP, rank, List.of(step("drop table " + name,
                "DROP TABLE " + name, new Reverse.Irreversible("dropping table " + c.location() + " loses its rows"),
                ACCESS_EXCLUSIVE, c)));
        ctx.order().deployNote("no longer uses table " + c.location());
    }

    /**
     * Renames a table in CONTRACT, undone by renaming it back. Keeping old and new names usable at once
     * (a view under the old name during the deploy) is the later expand/contract recipe.
     */
    void renameTable(RenameTable c) {
        String before = ctx.qualified(c.schema(), c.from().name());
        String after = ctx.qualified(c.schema(), c.to().name());
        ctx.order().add(PhaseKind.CONTRACT, Slot.RENAME, List.of(step("rename table " + before + " to " + after,
                ctx.clauses().renameTable(c.schema(), c.from().name(), c.to().name()),
                undo(ctx.clauses().renameTable(c.schema(), c.to().name(), c.from().name())), ACCESS_EXCLUSIVE, c)));
        ctx.order().deployNote("uses table " + c.schema() + "." + c.to().name() + " instead of " + c.from().name());
    }

    void modifyTable(ModifyTable c) {
        Table a = c.from();
        Table b = c.to();
        String name = ctx.table(c.schema(), b);
        PhaseKind phase = ctx.renamed().contains(c.location()) ? PhaseKind.CONTRACT : PhaseKind.EXPAND;
        if (c.kinds().contains(TableChangeKind.COMMENT)) {
            ctx.order().add(phase, Slot.COMMENT, List.of(objects.comment(c, "TABLE " + name, a.comment(), b.comment())));
        }
        if (!c.kinds().contains(TableChangeKind.OPTIONS)) {
            return;
        }
        Set<String> keys = new TreeSet<>(a.options().keySet());
        keys.addAll(b.options().keySet());
        for (String key : keys) {
            String before = a.options().get(key);
            String after = b.options().get(key);
            if (!Objects.equals(before, after)) {
                option(c, phase, key, before, after);
            }
        }
    }

    private void option(ModifyTable c, PhaseKind phase, String key, String before, String after) {
        String schema = c.schema();
        String table = c.to().name();
        if (key.equals("persistence")) {
            String set = "unlogged".equals(after) ? "SET UNLOGGED" : "SET LOGGED";
            String back = "unlogged".equals(before) ? "SET UNLOGGED" : "SET LOGGED";
            ctx.order().add(phase, Slot.COLUMN_ALTER, List.of(step("change persistence of " + ctx.table(schema, c.to()),
                    ctx.clauses().alterTable(schema, table, set), undo(ctx.clauses().alterTable(schema, table, back)),
                    ACCESS_EXCLUSIVE_REWRITE, c)));
        } else if (key.startsWith(PostgresInspector.EXCLUSION_PREFIX)) {
            String name = key.substring(PostgresInspector.EXCLUSION_PREFIX.length());
            String drop = ctx.clauses().dropConstraint(schema, table, name);
            if (before != null) {
                ctx.order().add(phase, Slot.INDEX_DROP, List.of(step("drop exclusion constraint " + ctx.ident(name), drop,
                        undo(ctx.clauses().addConstraint(schema, table, ctx.clauses().constraint(name, before))),
                        ACCESS_EXCLUSIVE, c)));
            }
            if (after != null) {
                ctx.order().add(phase, Slot.CONSTRAINT_ADD, List.of(step("add exclusion constraint " + ctx.ident(name),
                        ctx.clauses().addConstraint(schema, table, ctx.clauses().constraint(name, after)), undo(drop),
                        new LockImpact("ACCESS EXCLUSIVE", false, true), c)));
            }
        } else if (key.equals(INHERITS) && !c.from().options().containsKey(PARTITION_OF)) {
            inherit(c, phase, before, after);
        } else if (key.equals(PARTITION_OF) || key.equals(PARTITION_BOUND)) {
            partition(c, phase);
        } else if (key.startsWith(PostgresInspector.DEFERRABLE_PREFIX)) {
            constraints.changeDeferrability(c, phase, key.substring(PostgresInspector.DEFERRABLE_PREFIX.length()));
        } else {
            // Changing how a table is partitioned means rebuilding it.
            throw StrataException.badInput("cannot plan changing option \"" + key + "\" of table " + c.location()
                    + " from " + before + " to " + after + ": rebuild the table instead");
        }
    }

    private void inherit(ModifyTable c, PhaseKind phase, String before, String after) {
        List<String> was = before == null ? List.of() : PostgresObjectOrder.splitQualifiedList(before);
        List<String> now = after == null ? List.of() : PostgresObjectOrder.splitQualifiedList(after);
        String schema = c.schema();
        String table = c.to().name();
        for (String parent : was) {
            if (!now.contains(parent)) {
                ctx.order().add(phase, Slot.INDEX_DROP, List.of(step("stop inheriting from " + parent,
                        ctx.clauses().alterTable(schema, table, "NO INHERIT " + parent),
                        undo(ctx.clauses().alterTable(schema, table, "INHERIT " + parent)), ACCESS_EXCLUSIVE, c)));
            }
        }
        for (String parent : now) {
            if (!was.contains(parent)) {
                ctx.order().add(phase, Slot.CONSTRAINT_ADD, List.of(step("inherit from " + parent,
                        ctx.clauses().alterTable(schema, table, "INHERIT " + parent),
                        undo(ctx.clauses().alterTable(schema, table, "NO INHERIT " + parent)), ACCESS_EXCLUSIVE, c)));
            }
        }
    }

    /** Moves a table into, out of, or between partitions by DETACH and ATTACH: the rows stay where they are. */
    private void partition(ModifyTable c, PhaseKind phase) {
        Map<String, String> a = c.from().options();
        Map<String, String> b = c.to().options();
        if (Objects.equals(a.get(PARTITION_OF), b.get(PARTITION_OF)) && Objects.equals(a.get(PARTITION_BOUND), b.get(PARTITION_BOUND))) {
            return;
        }
        String me = ctx.table(c.schema(), c.to());
        String detach = a.get(PARTITION_OF) == null ? null : ctx.clauses().detachPartition(a.get(PARTITION_OF), me);
        String attach = b.get(PARTITION_OF) == null ? null
                : ctx.clauses().attachPartition(b.get(PARTITION_OF), me, b.get(PARTITION_BOUND));
        String reattach = a.get(PARTITION_OF) == null ? null
                : ctx.clauses().attachPartition(a.get(PARTITION_OF), me, a.get(PARTITION_BOUND));
        String undetach = b.get(PARTITION_OF) == null ? null : ctx.clauses().detachPartition(b.get(PARTITION_OF), me);
        if (detach != null) {
            ctx.order().add(phase, Slot.INDEX_DROP, List.of(step("detach " + me, detach, undo(reattach),
                    ACCESS_EXCLUSIVE, c)));
        }
        if (attach != null) {
            ctx.order().add(phase, Slot.CONSTRAINT_ADD, List.of(step("attach " + me, attach, undo(undetach),
                    new LockImpact("ACCESS EXCLUSIVE", false, true), c)));
        }
    }

    /** The tables of the target catalog {@code t} inherits from or is a partition of. */
    private List<Table> parents(Table t) {
        List<Table> out = new ArrayList<>();
        for (String parent : PostgresObjectOrder.parents(t)) {
            for (var s : ctx.to().schemas()) {
                for (Table other : s.tables()) {
                    if (ctx.qualified(s.name(), other.name()).equals(parent)) {
                        out.add(other);
                    }
                }
            }
        }
        return out;
    }
}

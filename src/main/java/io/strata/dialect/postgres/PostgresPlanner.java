package io.strata.dialect.postgres;

import io.strata.dialect.MigrationPlanner;
import io.strata.dialect.postgres.PostgresObjectOrder.Qualified;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCheck;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.AddExtension;
import io.strata.model.change.SchemaChange.AddForeignKey;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.AddPrimaryKey;
import io.strata.model.change.SchemaChange.AddSchema;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.AddUnique;
import io.strata.model.change.SchemaChange.AddView;
import io.strata.model.change.SchemaChange.DropCheck;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.DropExtension;
import io.strata.model.change.SchemaChange.DropForeignKey;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.DropPrimaryKey;
import io.strata.model.change.SchemaChange.DropSchema;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.DropTable;
import io.strata.model.change.SchemaChange.DropUnique;
import io.strata.model.change.SchemaChange.DropView;
import io.strata.model.change.SchemaChange.ModifyCheck;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.model.change.SchemaChange.ModifyEnum;
import io.strata.model.change.SchemaChange.ModifyForeignKey;
import io.strata.model.change.SchemaChange.ModifyIndex;
import io.strata.model.change.SchemaChange.ModifyPrimaryKey;
import io.strata.model.change.SchemaChange.ModifySchema;
import io.strata.model.change.SchemaChange.ModifySequence;
import io.strata.model.change.SchemaChange.ModifyTable;
import io.strata.model.change.SchemaChange.ModifyView;
import io.strata.model.change.SchemaChange.RenameColumn;
import io.strata.model.change.SchemaChange.RenameTable;
import io.strata.model.change.SchemaChange.RenameView;
import io.strata.plan.MigrationPlan;
import io.strata.plan.PhaseKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgresPlanner turns a diff into a PostgreSQL {@link MigrationPlan}: it hands each change to the step
 * writer of its kind, lets the view writer drop and recreate the views around the tables that change,
 * and lets {@link PostgresStepOrder} put the steps in dependency order within each phase. Renames and
 * rewriting type changes that {@link PostgresSwapEligibility} accepts go to {@link PostgresColumnSwap}
 * (new column, sync trigger, batched backfill) instead of the in-place writers.
 */
public final class PostgresPlanner implements MigrationPlanner {

    private final PostgresQuoter quoter;
    private final PostgresRenderer renderer;

    public PostgresPlanner(PostgresQuoter quoter) {
        this.quoter = quoter;
        this.renderer = new PostgresRenderer(quoter);
    }

    public PostgresPlanner() {
        this(new PostgresQuoter());
    }

    @Override
    public MigrationPlan plan(Catalog from, Catalog to, List<SchemaChange> changes, String serverVersion) {
        List<SchemaChange> all = PostgresRenameEchoes.without(withSchemaContents(changes));
        Set<String> created = new HashSet<>();
        for (SchemaChange c : all) {
            if (c instanceof AddTable) {
                created.add(c.tableLocation());
            }
        }
        int major = PostgresPlanContext.major(serverVersion);
        List<PostgresSwapEligibility.Swap> swaps = new PostgresSwapEligibility(new PostgresPlanContext(from, to, major,
                quoter, renderer, Set.of(), created, new PostgresStepOrder())).find(all);
        Set<SchemaChange> claimed = new HashSet<>();
        swaps.forEach(s -> claimed.addAll(s.claimed()));
        Set<String> renamed = new HashSet<>();
        for (SchemaChange c : all) {
            if ((c instanceof RenameTable || c instanceof RenameColumn) && !claimed.contains(c)) {
                renamed.add(c.tableLocation());
            }
        }
        PostgresPlanContext ctx = new PostgresPlanContext(from, to, major, quoter, renderer, renamed, created,
                new PostgresStepOrder());
        Writers w = new Writers(ctx);
        Map<String, Integer> createRank = ranks(PostgresObjectOrder.tables(to, quoter), 1);
        Map<String, Integer> dropRank = ranks(PostgresObjectOrder.tables(from, quoter), -1);
        for (SchemaChange c : all) {
            if (!claimed.contains(c)) {
                dispatch(c, w, createRank, dropRank);
            }
        }
        swaps.forEach(w.swaps::plan);
        w.views.plan(all, tableTouches(ctx, w, all, claimed));
        return ctx.order().build(serverVersion);
    }

    private static Map<String, Integer> ranks(List<Qualified<Table>> tables, int sign) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            out.put(tables.get(i).schema() + "." + tables.get(i).object().name(), sign * i);
        }
        return out;
    }

    /** The step writers of one plan. */
    private static final class Writers {
        final PostgresObjectSteps objects;
        final PostgresConstraintSteps constraints;
        final PostgresTableSteps tables;
        final PostgresColumnSteps columns;
        final PostgresIndexSteps indexes;
        final PostgresTypeSteps types;
        final PostgresViewSteps views;
        final PostgresColumnSwap swaps;

        Writers(PostgresPlanContext ctx) {
            objects = new PostgresObjectSteps(ctx);
            constraints = new PostgresConstraintSteps(ctx);
            tables = new PostgresTableSteps(ctx, objects, constraints);
            columns = new PostgresColumnSteps(ctx, constraints, objects);
            indexes = new PostgresIndexSteps(ctx, objects);
            views = new PostgresViewSteps(ctx, objects);
            types = new PostgresTypeSteps(ctx, views);
            swaps = new PostgresColumnSwap(ctx, constraints);
        }
    }

    /**
     * Hands {@code c} to its writer. Java 17 has no pattern switch, so this chain covers every record of
     * the sealed hierarchy and fails loudly on one it does not know; a test walks the hierarchy to prove it.
     * Views are planned together afterwards, since each depends on the others and on the tables.
     */
    private static void dispatch(SchemaChange c, Writers w, Map<String, Integer> createRank, Map<String, Integer> dropRank) {
        if (c instanceof AddSchema a) {
            w.objects.addSchema(a, a.schema());
        } else if (c instanceof DropSchema d) {
            w.objects.dropSchema(d, d.schema());
        } else if (c instanceof ModifySchema m) {
            w.objects.modifySchema(m);
        } else if (c instanceof AddExtension a) {
            w.objects.addExtension(a);
        } else if (c instanceof DropExtension d) {
            w.objects.dropExtension(d);
        } else if (c instanceof AddTable a) {
            w.tables.addTable(a, createRank.getOrDefault(a.tableLocation(), 0));
        } else if (c instanceof DropTable d) {
            w.tables.dropTable(d, dropRank.getOrDefault(d.tableLocation(), 0));
        } else if (c instanceof RenameTable r) {
            w.tables.renameTable(r);
        } else if (c instanceof ModifyTable m) {
            w.tables.modifyTable(m);
        } else if (c instanceof AddColumn a) {
            w.columns.addColumn(a);
        } else if (c instanceof DropColumn d) {
            w.columns.dropColumn(d);
        } else if (c instanceof RenameColumn r) {
            w.columns.renameColumn(r);
        } else if (c instanceof ModifyColumn m) {
            w.columns.modifyColumn(m);
        } else if (c instanceof AddPrimaryKey a) {
            w.constraints.addPrimaryKey(a);
        } else if (c instanceof DropPrimaryKey d) {
            w.constraints.dropPrimaryKey(d);
        } else if (c instanceof ModifyPrimaryKey m) {
            w.constraints.modifyPrimaryKey(m);
        } else if (c instanceof AddUnique a) {
            w.constraints.addUnique(a);
        } else if (c instanceof DropUnique d) {
            w.constraints.dropUnique(d);
        } else if (c instanceof AddCheck a) {
            w.constraints.addCheck(a);
        } else if (c instanceof DropCheck d) {
            w.constraints.dropCheck(d);
        } else if (c instanceof ModifyCheck m) {
            w.constraints.modifyCheck(m);
        } else if (c instanceof AddForeignKey a) {
            w.constraints.addForeignKey(a);
        } else if (c instanceof DropForeignKey d) {
            w.constraints.dropForeignKey(d);
        } else if (c instanceof ModifyForeignKey m) {
            w.constraints.modifyForeignKey(m);
        } else if (c instanceof AddIndex a) {
            w.indexes.addIndex(a);
        } else if (c instanceof DropIndex d) {
            w.indexes.dropIndex(d);
        } else if (c instanceof ModifyIndex m) {
            w.indexes.modifyIndex(m);
        } else if (c instanceof AddView || c instanceof DropView || c instanceof RenameView || c instanceof ModifyView) {
            return;
        } else if (c instanceof AddEnum a) {
            w.types.addEnum(a);
        } else if (c instanceof DropEnum d) {
            w.types.dropEnum(d);
        } else if (c instanceof ModifyEnum m) {
            w.types.modifyEnum(m);
        } else if (c instanceof AddSequence a) {
            w.objects.addSequence(a);
        } else if (c instanceof DropSequence d) {
            w.objects.dropSequence(d);
        } else if (c instanceof ModifySequence m) {
            w.objects.modifySequence(m);
        } else if (c instanceof AddCollation a) {
            w.objects.addCollation(a);
        } else if (c instanceof DropCollation d) {
            w.objects.dropCollation(d);
        } else if (c instanceof ModifyCollation m) {
            w.objects.modifyCollation(m);
        } else {
            throw new IllegalStateException("the PostgreSQL planner does not handle " + c.getClass().getSimpleName());
        }
    }

    /**
     * The differ reports a new or dropped schema as one change; its contents become their own changes
     * here, so tables, types and views of the schema get their usual steps and order.
     */
    private static List<SchemaChange> withSchemaContents(List<SchemaChange> changes) {
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : changes) {
            out.add(c);
            if (c instanceof AddSchema a) {
                Schema s = a.schema();
                s.collations().forEach(x -> out.add(new AddCollation(s.name(), x)));
                s.enums().forEach(x -> out.add(new AddEnum(s.name(), x)));
                s.sequences().forEach(x -> out.add(new AddSequence(s.name(), x)));
                s.tables().forEach(x -> out.add(new AddTable(s.name(), x)));
                s.views().forEach(x -> out.add(new AddView(s.name(), x)));
            } else if (c instanceof DropSchema d) {
                Schema s = d.schema();
                s.views().forEach(x -> out.add(new DropView(s.name(), x)));
                s.tables().forEach(x -> out.add(new DropTable(s.name(), x)));
                s.sequences().forEach(x -> out.add(new DropSequence(s.name(), x)));
                s.enums().forEach(x -> out.add(new DropEnum(s.name(), x)));
                s.collations().forEach(x -> out.add(new DropCollation(s.name(), x)));
            }
        }
        return out;
    }

    /** Which phases change the columns of each table, by table name: the views that mention it must be rebuilt then. */
    private static Map<String, Set<PhaseKind>> tableTouches(PostgresPlanContext ctx, Writers w, List<SchemaChange> changes,
                                                            Set<SchemaChange> swapped) {
        Map<String, Set<PhaseKind>> out = new LinkedHashMap<>();
        for (SchemaChange c : changes) {
            if (c instanceof DropColumn d) {
                touch(out, d.table(), PhaseKind.CONTRACT);
            } else if (c instanceof RenameColumn r) {
                touch(out, r.table(), PhaseKind.CONTRACT);
            } else if (c instanceof DropTable d) {
                touch(out, d.table().name(), PhaseKind.CONTRACT);
            } else if (c instanceof RenameTable r) {
                touch(out, r.from().name(), PhaseKind.CONTRACT);
                touch(out, r.to().name(), PhaseKind.CONTRACT);
            } else if (c instanceof ModifyColumn m && swapped.contains(m)) {
                touch(out, m.table(), PhaseKind.CONTRACT);
            } else if (c instanceof ModifyColumn m && (m.kinds().contains(ColumnChangeKind.TYPE)
                    || m.kinds().contains(ColumnChangeKind.COLLATION) || m.kinds().contains(ColumnChangeKind.GENERATED))) {
                touch(out, m.table(), w.columns.phase(m));
            } else if (c instanceof ModifyEnum m && PostgresTypeSteps.needsSwap(m)) {
                Set<String> users = new HashSet<>(PostgresTypeSteps.tablesUsing(ctx.from(), m.schema(), m.from().name()));
                users.addAll(PostgresTypeSteps.tablesUsing(ctx.to(), m.schema(), m.from().name()));
                users.forEach(t -> touch(out, t.substring(t.indexOf('.') + 1), PostgresTypeSteps.phase(m)));
            }
        }
        return out;
    }

    private static void touch(Map<String, Set<PhaseKind>> out, String table, PhaseKind phase) {
        out.computeIfAbsent(table, k -> EnumSet.noneOf(PhaseKind.class)).add(phase);
    }
}

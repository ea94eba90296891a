package io.strata.dialect.postgres;

import io.strata.dialect.MigrationPlanner;
import io.strata.dialect.PlanCoverage;
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
    private final PostgresTableRenderer tables;
    private final PostgresClauses clauses;

    public PostgresPlanner(PostgresQuoter quoter) {
        this.quoter = quoter;
        this.renderer = new PostgresRenderer(quoter);
        this.tables = new PostgresTableRenderer(quoter);
        this.clauses = new PostgresClauses(quoter);
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
        PostgresVersion version = PostgresVersion.parse(serverVersion);
        List<PostgresSwapEligibility.Swap> swaps = new PostgresSwapEligibility(context(from, to, version, Set.of(), created))
                .find(all);
        Set<SchemaChange> claimed = new HashSet<>();
        swaps.forEach(s -> claimed.addAll(s.claimed()));
        Set<String> renamed = new HashSet<>();
        for (SchemaChange c : all) {
            if ((c instanceof RenameTable || c instanceof RenameColumn) && !claimed.contains(c)) {
                renamed.add(c.tableLocation());
            }
        }
        PostgresPlanContext ctx = context(from, to, version, renamed, created);
        Writers w = new Writers(ctx, newNames(all));
        Map<String, Integer> createRank = ranks(PostgresObjectOrder.tables(to, quoter), 1);
        Map<String, Integer> dropRank = ranks(PostgresObjectOrder.tables(from, quoter), -1);
        Dispatch dispatch = new Dispatch(w, createRank, dropRank);
        for (SchemaChange c : all) {
            if (!claimed.contains(c)) {
                c.accept(dispatch);
            }
        }
        swaps.forEach(w.swaps::plan);
        w.views.plan(all, tableTouches(ctx, w, all, claimed));
        MigrationPlan plan = ctx.order().build(serverVersion);
        PlanCoverage.require(all.stream().filter(c -> !claimed.contains(c) && !ctx.order().carried().contains(c)).toList(),
                plan);
        return plan;
    }

    /** The names of the tables {@code changes} create and of the columns they add. */
    private static Set<String> newNames(List<SchemaChange> changes) {
        Set<String> out = new HashSet<>();
        for (SchemaChange c : changes) {
            if (c instanceof AddTable a) {
                out.add(a.table().name());
            } else if (c instanceof AddColumn a) {
                out.add(a.column().name());
            }
        }
        return out;
    }

    private PostgresPlanContext context(Catalog from, Catalog to, PostgresVersion version, Set<String> renamed,
                                        Set<String> created) {
        return new PostgresPlanContext(from, to, version, quoter, renderer, tables, clauses, renamed, created,
                new PostgresStepOrder());
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
        final PostgresDefinedObjectSteps definedObjects;

        Writers(PostgresPlanContext ctx, Set<String> newNames) {
            objects = new PostgresObjectSteps(ctx);
            constraints = new PostgresConstraintSteps(ctx);
            tables = new PostgresTableSteps(ctx, objects, constraints);
            columns = new PostgresColumnSteps(ctx, constraints, objects);
            indexes = new PostgresIndexSteps(ctx, objects);
            views = new PostgresViewSteps(ctx, objects);
            types = new PostgresTypeSteps(ctx, views);
            swaps = new PostgresColumnSwap(ctx, constraints);
            definedObjects = new PostgresDefinedObjectSteps(ctx, newNames);
        }
    }

    /**
     * Hands each change to its step writer. It implements the whole {@link SchemaChange.Visitor}, so a new
     * kind of change does not compile until the planner handles it. Views are planned together afterwards,
     * since each depends on the others and on the tables, so their changes yield no step here.
     */
    private static final class Dispatch implements SchemaChange.Visitor<Void> {

        private final Writers w;
        private final Map<String, Integer> createRank;
        private final Map<String, Integer> dropRank;

        Dispatch(Writers w, Map<String, Integer> createRank, Map<String, Integer> dropRank) {
            this.w = w;
            this.createRank = createRank;
            this.dropRank = dropRank;
        }

        @Override
        public Void visitAddSchema(AddSchema c) {
            w.objects.addSchema(c, c.schema());
            return null;
        }

        @Override
        public Void visitDropSchema(DropSchema c) {
            w.objects.dropSchema(c, c.schema());
            return null;
        }

        @Override
        public Void visitModifySchema(ModifySchema c) {
            w.objects.modifySchema(c);
            return null;
        }

        @Override
        public Void visitAddExtension(AddExtension c) {
            w.objects.addExtension(c);
            return null;
        }

        @Override
        public Void visitDropExtension(DropExtension c) {
            w.objects.dropExtension(c);
            return null;
        }

        @Override
        public Void visitAddTable(AddTable c) {
            w.tables.addTable(c, createRank.getOrDefault(c.tableLocation(), 0));
            return null;
        }

        @Override
        public Void visitDropTable(DropTable c) {
            w.tables.dropTable(c, dropRank.getOrDefault(c.tableLocation(), 0));
            return null;
        }

        @Override
        public Void visitRenameTable(RenameTable c) {
            w.tables.renameTable(c);
            return null;
        }

        @Override
        public Void visitModifyTable(ModifyTable c) {
            w.tables.modifyTable(c);
            return null;
        }

        @Override
        public Void visitAddColumn(AddColumn c) {
            w.columns.addColumn(c);
            return null;
        }

        @Override
        public Void visitDropColumn(DropColumn c) {
            w.columns.dropColumn(c);
            return null;
        }

        @Override
        public Void visitRenameColumn(RenameColumn c) {
            w.columns.renameColumn(c);
            return null;
        }

        @Override
        public Void visitModifyColumn(ModifyColumn c) {
            w.columns.modifyColumn(c);
            return null;
        }

        @Override
        public Void visitAddPrimaryKey(AddPrimaryKey c) {
            w.constraints.addPrimaryKey(c);
            return null;
        }

        @Override
        public Void visitDropPrimaryKey(DropPrimaryKey c) {
            w.constraints.dropPrimaryKey(c);
            return null;
        }

        @Override
        public Void visitModifyPrimaryKey(ModifyPrimaryKey c) {
            w.constraints.modifyPrimaryKey(c);
            return null;
        }

        @Override
        public Void visitAddUnique(AddUnique c) {
            w.constraints.addUnique(c);
            return null;
        }

        @Override
        public Void visitDropUnique(DropUnique c) {
            w.constraints.dropUnique(c);
            return null;
        }

        @Override
        public Void visitAddCheck(AddCheck c) {
            w.constraints.addCheck(c);
            return null;
        }

        @Override
        public Void visitDropCheck(DropCheck c) {
            w.constraints.dropCheck(c);
            return null;
        }

        @Override
        public Void visitModifyCheck(ModifyCheck c) {
            w.constraints.modifyCheck(c);
            return null;
        }

        @Override
        public Void visitAddForeignKey(AddForeignKey c) {
            w.constraints.addForeignKey(c);
            return null;
        }

        @Override
        public Void visitDropForeignKey(DropForeignKey c) {
            w.constraints.dropForeignKey(c);
            return null;
        }

        @Override
        public Void visitModifyForeignKey(ModifyForeignKey c) {
            w.constraints.modifyForeignKey(c);
            return null;
        }

        @Override
        public Void visitAddIndex(AddIndex c) {
            w.indexes.addIndex(c);
            return null;
        }

        @Override
        public Void visitDropIndex(DropIndex c) {
            w.indexes.dropIndex(c);
            return null;
        }

        @Override
        public Void visitModifyIndex(ModifyIndex c) {
            w.indexes.modifyIndex(c);
            return null;
        }

        @Override
        public Void visitAddView(AddView c) {
            return null;
        }

        @Override
        public Void visitDropView(DropView c) {
            return null;
        }

        @Override
        public Void visitRenameView(RenameView c) {
            return null;
        }

        @Override
        public Void visitModifyView(ModifyView c) {
            return null;
        }

        @Override
        public Void visitAddEnum(AddEnum c) {
            w.types.addEnum(c);
            return null;
        }

        @Override
        public Void visitDropEnum(DropEnum c) {
            w.types.dropEnum(c);
            return null;
        }

        @Override
        public Void visitModifyEnum(ModifyEnum c) {
            w.types.modifyEnum(c);
            return null;
        }

        @Override
        public Void visitAddSequence(AddSequence c) {
            w.objects.addSequence(c);
            return null;
        }

        @Override
        public Void visitDropSequence(DropSequence c) {
            w.objects.dropSequence(c);
            return null;
        }

        @Override
        public Void visitModifySequence(ModifySequence c) {
            w.objects.modifySequence(c);
            return null;
        }

        @Override
        public Void visitAddCollation(AddCollation c) {
            w.objects.addCollation(c);
            return null;
        }

        @Override
        public Void visitDropCollation(DropCollation c) {
            w.objects.dropCollation(c);
            return null;
        }

        @Override
        public Void visitModifyCollation(ModifyCollation c) {
            w.objects.modifyCollation(c);
            return null;
        }

        @Override
        public Void visitAddObject(SchemaChange.AddObject c) {
            w.definedObjects.add(c);
            return null;
        }

        @Override
        public Void visitDropObject(SchemaChange.DropObject c) {
            w.definedObjects.drop(c);
            return null;
        }

        @Override
        public Void visitModifyObject(SchemaChange.ModifyObject c) {
            w.definedObjects.modify(c);
            return null;
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
                s.objects().forEach(x -> out.add(new SchemaChange.AddObject(s.name(), x)));
            } else if (c instanceof DropSchema d) {
                Schema s = d.schema();
                s.objects().forEach(x -> out.add(new SchemaChange.DropObject(s.name(), x)));
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

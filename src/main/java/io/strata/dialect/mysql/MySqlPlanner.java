package io.strata.dialect.mysql;

import io.strata.dialect.MigrationPlanner;
import io.strata.dialect.PlanCoverage;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.PhaseKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySqlPlanner is the MySQL/MariaDB migration planner: it turns the differ's changes into an EXPAND
 * phase of additive steps and a CONTRACT phase of destructive ones and renames, each statement naming
 * the ALTER TABLE algorithm the server version supports, with its reverse and lock impact.
 * Names are unqualified: the plan applies to the connection's database.
 *
 * <p>Renames are planned as plain {@code RENAME TABLE} / {@code RENAME COLUMN} in the CONTRACT phase,
 * so the application deploy has to happen together with that phase; keeping old and new names in step
 * with triggers during an expand/contract window is a later stage of the planner.
 */
final class MySqlPlanner implements MigrationPlanner {

    private final MySqlQuoter quoter;

    MySqlPlanner(MySqlQuoter quoter) {
        this.quoter = quoter;
    }

    @Override
    public MigrationPlan plan(Catalog from, Catalog to, List<SchemaChange> diffChanges, String serverVersion) {
        MySqlDeferrability.refuseDeferrable(to);
        List<SchemaChange> changes = MySqlCaseRenames.fold(from, to, diffChanges);
        Schema source = onlySchema(from);
        Schema target = onlySchema(to);
        MySqlAlgorithms algorithms = new MySqlAlgorithms(MySqlVersion.parse(serverVersion));
        List<MySqlSwapEligibility.Swap> swaps = new MySqlSwapEligibility(context(source, target, new MySqlNames(target),
                algorithms)).find(changes);
        Set<SchemaChange> claimed = new HashSet<>();
        swaps.forEach(s -> claimed.addAll(s.claimed()));
        MySqlNames names = new MySqlNames(target);
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.RenameTable r) {
                names.renamedTable(r.from().name(), r.to().name());
            } else if (change instanceof SchemaChange.RenameColumn r && !claimed.contains(r)) {
                names.renamedColumn(r.table(), r.from().name(), r.to().name());
            }
        }
        MySqlPlanContext ctx = context(source, target, names, algorithms);
        List<SchemaChange> viewChanges = new ArrayList<>();
        Map<String, Set<String>> modifiedColumns = new HashMap<>();
        changes.stream().filter(c -> c instanceof SchemaChange.ModifyColumn).map(c -> (SchemaChange.ModifyColumn) c)
                .forEach(m -> modifiedColumns.computeIfAbsent(m.table(), t -> new HashSet<>()).add(m.to().name()));
        List<SchemaChange.OfDefinedObject> objectChanges = new ArrayList<>();
        Dispatch dispatch = new Dispatch(ctx, viewChanges, objectChanges, modifiedColumns);
        for (SchemaChange change : changes) {
            if (!claimed.contains(change)) {
                change.accept(dispatch);
            }
        }
        MySqlColumnSwap swap = new MySqlColumnSwap(ctx);
        swaps.forEach(swap::plan);
        new MySqlViewSteps(ctx).plan(viewChanges);
        new MySqlDefinedObjectSteps(ctx).plan(objectChanges);
        MigrationPlan plan = ctx.order().build(serverVersion);
        PlanCoverage.require(changes.stream().filter(c -> !claimed.contains(c))
                .filter(c -> !(c instanceof SchemaChange.ModifyTable m
                        && MySqlTableSteps.carriedByColumns(m, modifiedColumns.getOrDefault(m.to().name(), Set.of()))))
                .toList(), plan);
        return plan;
    }

    private MySqlPlanContext context(Schema source, Schema target, MySqlNames names, MySqlAlgorithms algorithms) {
        return new MySqlPlanContext(source, target, names, algorithms, quoter, new MySqlTableRenderer(quoter),
                new MySqlClauses(quoter), new MySqlStepOrder());
    }

    /**
     * Hands each change that is not part of a column swap to its step writer. It implements the whole
     * {@link SchemaChange.Visitor}, so a new kind of change does not compile until the planner either plans
     * it or refuses it; objects MySQL does not have are refused as bad input naming the change. View changes and
     * changes of functions, procedures, triggers and events yield no step here: they are planned together
     * afterwards, once every table step is known.
     */
    private static final class Dispatch implements SchemaChange.Visitor<Void> {

        private final MySqlColumnSteps columns;
        private final MySqlConstraintSteps constraints;
        private final MySqlIndexSteps indexes;
        private final MySqlObjectSteps objects;
        private final MySqlTableSteps tables;
        private final List<SchemaChange> viewChanges;
        private final List<SchemaChange.OfDefinedObject> objectChanges;
        private final Map<String, Set<String>> modifiedColumns;

        Dispatch(MySqlPlanContext ctx, List<SchemaChange> viewChanges, List<SchemaChange.OfDefinedObject> objectChanges,
                 Map<String, Set<String>> modifiedColumns) {
            columns = new MySqlColumnSteps(ctx);
            constraints = new MySqlConstraintSteps(ctx);
            indexes = new MySqlIndexSteps(ctx);
            objects = new MySqlObjectSteps(ctx);
            tables = new MySqlTableSteps(ctx, constraints);
            this.viewChanges = viewChanges;
            this.objectChanges = objectChanges;
            this.modifiedColumns = modifiedColumns;
        }

        @Override
        public Void visitAddSchema(SchemaChange.AddSchema c) {
            throw notInDatabase(c);
        }

        @Override
        public Void visitDropSchema(SchemaChange.DropSchema c) {
            throw notInDatabase(c);
        }

        @Override
        public Void visitModifySchema(SchemaChange.ModifySchema c) {
            objects.modifySchema(c);
            return null;
        }

        @Override
        public Void visitAddTable(SchemaChange.AddTable c) {
            tables.create(c);
            return null;
        }

        @Override
        public Void visitDropTable(SchemaChange.DropTable c) {
            tables.drop(c);
            return null;
        }

        @Override
        public Void visitRenameTable(SchemaChange.RenameTable c) {
            tables.rename(c);
            return null;
        }

        @Override
        public Void visitModifyTable(SchemaChange.ModifyTable c) {
            tables.modify(c, modifiedColumns.getOrDefault(c.to().name(), Set.of()));
            return null;
        }

        @Override
        public Void visitAddColumn(SchemaChange.AddColumn c) {
            columns.add(c);
            return null;
        }

        @Override
        public Void visitDropColumn(SchemaChange.DropColumn c) {
            columns.drop(c);
            return null;
        }

        @Override
        public Void visitRenameColumn(SchemaChange.RenameColumn c) {
            columns.rename(c);
            return null;
        }

        @Override
        public Void visitModifyColumn(SchemaChange.ModifyColumn c) {
            columns.modify(c);
            return null;
        }

        @Override
        public Void visitAddPrimaryKey(SchemaChange.AddPrimaryKey c) {
            constraints.addPrimaryKey(c);
            return null;
        }

        @Override
        public Void visitDropPrimaryKey(SchemaChange.DropPrimaryKey c) {
            constraints.dropPrimaryKey(c);
            return null;
        }

        @Override
        public Void visitModifyPrimaryKey(SchemaChange.ModifyPrimaryKey c) {
            constraints.modifyPrimaryKey(c);
            return null;
        }

        @Override
        public Void visitAddForeignKey(SchemaChange.AddForeignKey c) {
            constraints.addForeignKey(c, PhaseKind.EXPAND, c.table(), c.foreignKey());
            return null;
        }

        @Override
        public Void visitDropForeignKey(SchemaChange.DropForeignKey c) {
            constraints.dropForeignKey(c, PhaseKind.EXPAND, c.table(), c.foreignKey());
            return null;
        }

        @Override
        public Void visitModifyForeignKey(SchemaChange.ModifyForeignKey c) {
            constraints.modifyForeignKey(c);
            return null;
        }

        @Override
        public Void visitAddCheck(SchemaChange.AddCheck c) {
            constraints.addCheck(c, c.table(), c.check());
            return null;
        }

        @Override
        public Void visitDropCheck(SchemaChange.DropCheck c) {
            constraints.dropCheck(c, c.table(), c.check());
            return null;
        }

        @Override
        public Void visitModifyCheck(SchemaChange.ModifyCheck c) {
            constraints.modifyCheck(c);
            return null;
        }

        @Override
        public Void visitAddIndex(SchemaChange.AddIndex c) {
            indexes.add(c);
            return null;
        }

        @Override
        public Void visitDropIndex(SchemaChange.DropIndex c) {
            indexes.drop(c);
            return null;
        }

        @Override
        public Void visitModifyIndex(SchemaChange.ModifyIndex c) {
            indexes.modify(c);
            return null;
        }

        @Override
        public Void visitAddView(SchemaChange.AddView c) {
            viewChanges.add(c);
            return null;
        }

        @Override
        public Void visitDropView(SchemaChange.DropView c) {
            viewChanges.add(c);
            return null;
        }

        @Override
        public Void visitRenameView(SchemaChange.RenameView c) {
            viewChanges.add(c);
            return null;
        }

        @Override
        public Void visitModifyView(SchemaChange.ModifyView c) {
            viewChanges.add(c);
            return null;
        }

        @Override
        public Void visitAddUnique(SchemaChange.AddUnique c) {
            throw notMySql(c, "MySQL has unique indexes, not unique constraints");
        }

        @Override
        public Void visitDropUnique(SchemaChange.DropUnique c) {
            throw notMySql(c, "MySQL has unique indexes, not unique constraints");
        }

        @Override
        public Void visitAddExtension(SchemaChange.AddExtension c) {
            throw notMySql(c, "extensions are PostgreSQL objects");
        }

        @Override
        public Void visitDropExtension(SchemaChange.DropExtension c) {
            throw notMySql(c, "extensions are PostgreSQL objects");
        }

        @Override
        public Void visitAddEnum(SchemaChange.AddEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }

        @Override
        public Void visitDropEnum(SchemaChange.DropEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }

        @Override
        public Void visitModifyEnum(SchemaChange.ModifyEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }

        @Override
        public Void visitAddSequence(SchemaChange.AddSequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }

        @Override
        public Void visitDropSequence(SchemaChange.DropSequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }

        @Override
        public Void visitModifySequence(SchemaChange.ModifySequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }

        @Override
        public Void visitAddCollation(SchemaChange.AddCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }

        @Override
        public Void visitDropCollation(SchemaChange.DropCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }

        @Override
        public Void visitModifyCollation(SchemaChange.ModifyCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }

        @Override
        public Void visitAddObject(SchemaChange.AddObject c) {
            objectChanges.add(c);
            return null;
        }

        @Override
        public Void visitDropObject(SchemaChange.DropObject c) {
            objectChanges.add(c);
            return null;
        }

        @Override
        public Void visitModifyObject(SchemaChange.ModifyObject c) {
            objectChanges.add(c);
            return null;
        }
    }

    private static Schema onlySchema(Catalog catalog) {
        if (catalog.schemas().size() > 1) {
            throw StrataException.badInput("the MySQL planner plans one database at a time, but the catalog holds "
                    + catalog.schemas().size() + ": " + catalog.schemas().stream().map(Schema::name).collect(Collectors.joining(", ")));
        }
        return catalog.schemas().isEmpty() ? Schema.of("", List.of()) : catalog.schemas().get(0);
    }

    private static StrataException notInDatabase(SchemaChange change) {
        return notMySql(change, "a MySQL plan applies to the connection's database; create or drop databases separately");
    }

    private static StrataException notMySql(SchemaChange change, String why) {
        return StrataException.badInput("cannot plan " + change.getClass().getSimpleName() + " of \"" + change.location()
                + "\" for MySQL: " + why);
    }
}

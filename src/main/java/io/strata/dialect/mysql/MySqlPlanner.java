package io.strata.dialect.mysql;

import io.strata.dialect.MigrationPlanner;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.Comparator;
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
    public MigrationPlan plan(Catalog from, Catalog to, List<SchemaChange> changes, String serverVersion) {
        Schema source = onlySchema(from);
        Schema target = onlySchema(to);
        MySqlAlgorithms algorithms = new MySqlAlgorithms(MySqlVersion.parse(serverVersion));
        List<MySqlColumnSwap.Swap> swaps = MySqlColumnSwap.find(context(source, target, new MySqlNames(target), algorithms),
                changes);
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
        List<MySqlPlannedStep> steps = new ArrayList<>();
        List<SchemaChange> viewChanges = new ArrayList<>();
        Map<String, Set<String>> modifiedColumns = new HashMap<>();
        changes.stream().filter(c -> c instanceof SchemaChange.ModifyColumn).map(c -> (SchemaChange.ModifyColumn) c)
                .forEach(m -> modifiedColumns.computeIfAbsent(m.table(), t -> new HashSet<>()).add(m.to().name()));
        StepsFor stepsFor = new StepsFor(ctx, viewChanges, modifiedColumns);
        for (SchemaChange change : changes) {
            if (!claimed.contains(change)) {
                steps.addAll(change.accept(stepsFor));
            }
        }
        MySqlColumnSwap swap = new MySqlColumnSwap(ctx);
        swaps.forEach(s -> steps.addAll(swap.plan(s)));
        steps.addAll(new MySqlViewSteps(ctx).plan(viewChanges, steps));
        return assemble(steps, serverVersion);
    }

    private MySqlPlanContext context(Schema source, Schema target, MySqlNames names, MySqlAlgorithms algorithms) {
        return new MySqlPlanContext(source, target, names, algorithms, quoter, new MySqlTableRenderer(quoter),
                new MySqlClauses(quoter));
    }

    /**
     * The steps of each change that is not part of a column swap. It implements the whole
     * {@link SchemaChange.Visitor}, so a new kind of change does not compile until the planner either plans
     * it or refuses it; objects MySQL does not have are refused as bad input naming the change.
     */
    private static final class StepsFor implements SchemaChange.Visitor<List<MySqlPlannedStep>> {

        private final MySqlColumnSteps columns;
        private final MySqlConstraintSteps constraints;
        private final MySqlIndexSteps indexes;
        private final MySqlObjectSteps objects;
        private final MySqlTableSteps tables;
        private final List<SchemaChange> viewChanges;
        private final Map<String, Set<String>> modifiedColumns;

        StepsFor(MySqlPlanContext ctx, List<SchemaChange> viewChanges, Map<String, Set<String>> modifiedColumns) {
            columns = new MySqlColumnSteps(ctx);
            constraints = new MySqlConstraintSteps(ctx);
            indexes = new MySqlIndexSteps(ctx);
            objects = new MySqlObjectSteps(ctx);
            tables = new MySqlTableSteps(ctx, constraints);
            this.viewChanges = viewChanges;
            this.modifiedColumns = modifiedColumns;
        }

        @Override
        public List<MySqlPlannedStep> visitAddSchema(SchemaChange.AddSchema c) {
            throw notInDatabase(c);
        }

        @Override
        public List<MySqlPlannedStep> visitDropSchema(SchemaChange.DropSchema c) {
            throw notInDatabase(c);
        }

        @Override
        public List<MySqlPlannedStep> visitModifySchema(SchemaChange.ModifySchema c) {
            return List.of(objects.modifySchema(c));
        }

        @Override
        public List<MySqlPlannedStep> visitAddTable(SchemaChange.AddTable c) {
            return tables.create(c);
        }

        @Override
        public List<MySqlPlannedStep> visitDropTable(SchemaChange.DropTable c) {
            return tables.drop(c);
        }

        @Override
        public List<MySqlPlannedStep> visitRenameTable(SchemaChange.RenameTable c) {
            return List.of(tables.rename(c));
        }

        @Override
        public List<MySqlPlannedStep> visitModifyTable(SchemaChange.ModifyTable c) {
            return tables.modify(c, modifiedColumns.getOrDefault(c.to().name(), Set.of()));
        }

        @Override
        public List<MySqlPlannedStep> visitAddColumn(SchemaChange.AddColumn c) {
            return List.of(columns.add(c));
        }

        @Override
        public List<MySqlPlannedStep> visitDropColumn(SchemaChange.DropColumn c) {
            return List.of(columns.drop(c));
        }

        @Override
        public List<MySqlPlannedStep> visitRenameColumn(SchemaChange.RenameColumn c) {
            return List.of(columns.rename(c));
        }

        @Override
        public List<MySqlPlannedStep> visitModifyColumn(SchemaChange.ModifyColumn c) {
            return List.of(columns.modify(c));
        }

        @Override
        public List<MySqlPlannedStep> visitAddPrimaryKey(SchemaChange.AddPrimaryKey c) {
            return List.of(constraints.addPrimaryKey(c));
        }

        @Override
        public List<MySqlPlannedStep> visitDropPrimaryKey(SchemaChange.DropPrimaryKey c) {
            return List.of(constraints.dropPrimaryKey(c));
        }

        @Override
        public List<MySqlPlannedStep> visitModifyPrimaryKey(SchemaChange.ModifyPrimaryKey c) {
            return List.of(constraints.modifyPrimaryKey(c));
        }

        @Override
        public List<MySqlPlannedStep> visitAddForeignKey(SchemaChange.AddForeignKey c) {
            return constraints.addForeignKey(c, PhaseKind.EXPAND, c.table(), c.foreignKey());
        }

        @Override
        public List<MySqlPlannedStep> visitDropForeignKey(SchemaChange.DropForeignKey c) {
            return List.of(constraints.dropForeignKey(c, PhaseKind.EXPAND, c.table(), c.foreignKey()));
        }

        @Override
        public List<MySqlPlannedStep> visitModifyForeignKey(SchemaChange.ModifyForeignKey c) {
            return constraints.modifyForeignKey(c);
        }

        @Override
        public List<MySqlPlannedStep> visitAddCheck(SchemaChange.AddCheck c) {
            return List.of(constraints.addCheck(c, c.table(), c.check()));
        }

        @Override
        public List<MySqlPlannedStep> visitDropCheck(SchemaChange.DropCheck c) {
            return List.of(constraints.dropCheck(c, c.table(), c.check()));
        }

        @Override
        public List<MySqlPlannedStep> visitModifyCheck(SchemaChange.ModifyCheck c) {
            return constraints.modifyCheck(c);
        }

        @Override
        public List<MySqlPlannedStep> visitAddIndex(SchemaChange.AddIndex c) {
            return List.of(indexes.add(c));
        }

        @Override
        public List<MySqlPlannedStep> visitDropIndex(SchemaChange.DropIndex c) {
            return List.of(indexes.drop(c));
        }

        @Override
        public List<MySqlPlannedStep> visitModifyIndex(SchemaChange.ModifyIndex c) {
            return List.of(indexes.modify(c));
        }

        @Override
        public List<MySqlPlannedStep> visitAddView(SchemaChange.AddView c) {
            return addView(viewChanges, c);
        }

        @Override
        public List<MySqlPlannedStep> visitDropView(SchemaChange.DropView c) {
            return addView(viewChanges, c);
        }

        @Override
        public List<MySqlPlannedStep> visitRenameView(SchemaChange.RenameView c) {
            return addView(viewChanges, c);
        }

        @Override
        public List<MySqlPlannedStep> visitModifyView(SchemaChange.ModifyView c) {
            return addView(viewChanges, c);
        }

        @Override
        public List<MySqlPlannedStep> visitAddUnique(SchemaChange.AddUnique c) {
            throw notMySql(c, "MySQL has unique indexes, not unique constraints");
        }

        @Override
        public List<MySqlPlannedStep> visitDropUnique(SchemaChange.DropUnique c) {
            throw notMySql(c, "MySQL has unique indexes, not unique constraints");
        }

        @Override
        public List<MySqlPlannedStep> visitAddExtension(SchemaChange.AddExtension c) {
            throw notMySql(c, "extensions are PostgreSQL objects");
        }

        @Override
        public List<MySqlPlannedStep> visitDropExtension(SchemaChange.DropExtension c) {
            throw notMySql(c, "extensions are PostgreSQL objects");
        }

        @Override
        public List<MySqlPlannedStep> visitAddEnum(SchemaChange.AddEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }

        @Override
        public List<MySqlPlannedStep> visitDropEnum(SchemaChange.DropEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }

        @Override
        public List<MySqlPlannedStep> visitModifyEnum(SchemaChange.ModifyEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }

        @Override
        public List<MySqlPlannedStep> visitAddSequence(SchemaChange.AddSequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }

        @Override
        public List<MySqlPlannedStep> visitDropSequence(SchemaChange.DropSequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }

        @Override
        public List<MySqlPlannedStep> visitModifySequence(SchemaChange.ModifySequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }

        @Override
        public List<MySqlPlannedStep> visitAddCollation(SchemaChange.AddCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }

        @Override
        public List<MySqlPlannedStep> visitDropCollation(SchemaChange.DropCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }

        @Override
        public List<MySqlPlannedStep> visitModifyCollation(SchemaChange.ModifyCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }
    }

    /** View steps wait until every table step is known, since which views to rebuild depends on them. */
    private static List<MySqlPlannedStep> addView(List<SchemaChange> viewChanges, SchemaChange change) {
        viewChanges.add(change);
        return List.of();
    }

    private static MigrationPlan assemble(List<MySqlPlannedStep> steps, String serverVersion) {
        List<MySqlPlannedStep> ordered = steps.stream()
                .sorted(Comparator.comparing(MySqlPlannedStep::phase).thenComparing(MySqlPlannedStep::order)).toList();
        List<Step> expand = ordered.stream().filter(s -> s.phase() == PhaseKind.EXPAND).map(MySqlPlannedStep::step).toList();
        List<Step> migrate = ordered.stream().filter(s -> s.phase() == PhaseKind.MIGRATE).map(MySqlPlannedStep::step).toList();
        List<Step> contract = ordered.stream().filter(s -> s.phase() == PhaseKind.CONTRACT).map(MySqlPlannedStep::step).toList();
        String deploy = contract.isEmpty() ? null
                : "deploy the application version that no longer uses what the contract phase removes or renames: "
                + contract.stream().map(Step::description).distinct().collect(Collectors.joining("; "));
        // The deploy goes after the last phase before CONTRACT.
        return new MigrationPlan(MySqlDialect.NAME, serverVersion, List.of(
                new Phase(PhaseKind.EXPAND, expand, migrate.isEmpty() ? deploy : null),
                new Phase(PhaseKind.MIGRATE, migrate, migrate.isEmpty() ? null : deploy),
                new Phase(PhaseKind.CONTRACT, contract, null)));
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

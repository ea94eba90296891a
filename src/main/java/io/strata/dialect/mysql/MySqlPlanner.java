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
        for (SchemaChange change : changes) {
            if (!claimed.contains(change)) {
                steps.addAll(stepsFor(ctx, change, viewChanges, modifiedColumns));
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

    private static List<MySqlPlannedStep> stepsFor(MySqlPlanContext ctx, SchemaChange change, List<SchemaChange> viewChanges,
                                                   Map<String, Set<String>> modifiedColumns) {
        MySqlColumnSteps columns = new MySqlColumnSteps(ctx);
        MySqlConstraintSteps constraints = new MySqlConstraintSteps(ctx);
        MySqlIndexSteps indexes = new MySqlIndexSteps(ctx);
        MySqlTableSteps tables = new MySqlTableSteps(ctx, constraints);
        if (change instanceof SchemaChange.AddSchema c) {
            throw notInDatabase(c);
        }
        if (change instanceof SchemaChange.DropSchema c) {
            throw notInDatabase(c);
        }
        if (change instanceof SchemaChange.ModifySchema c) {
            return List.of(tables.modifySchema(c));
        }
        if (change instanceof SchemaChange.AddTable c) {
            return tables.create(c);
        }
        if (change instanceof SchemaChange.DropTable c) {
            return tables.drop(c);
        }
        if (change instanceof SchemaChange.RenameTable c) {
            return List.of(tables.rename(c));
        }
        if (change instanceof SchemaChange.ModifyTable c) {
            return tables.modify(c, modifiedColumns.getOrDefault(c.to().name(), Set.of()));
        }
        if (change instanceof SchemaChange.AddColumn c) {
            return List.of(columns.add(c));
        }
        if (change instanceof SchemaChange.DropColumn c) {
            return List.of(columns.drop(c));
        }
        if (change instanceof SchemaChange.RenameColumn c) {
            return List.of(columns.rename(c));
        }
        if (change instanceof SchemaChange.ModifyColumn c) {
            return List.of(columns.modify(c));
        }
        if (change instanceof SchemaChange.AddPrimaryKey c) {
            return List.of(constraints.addPrimaryKey(c));
        }
        if (change instanceof SchemaChange.DropPrimaryKey c) {
            return List.of(constraints.dropPrimaryKey(c));
        }
        if (change instanceof SchemaChange.ModifyPrimaryKey c) {
            return List.of(constraints.modifyPrimaryKey(c));
        }
        if (change instanceof SchemaChange.AddForeignKey c) {
            return constraints.addForeignKey(c, PhaseKind.EXPAND, c.table(), c.foreignKey());
        }
        if (change instanceof SchemaChange.DropForeignKey c) {
            return List.of(constraints.dropForeignKey(c, PhaseKind.EXPAND, c.table(), c.foreignKey()));
        }
        if (change instanceof SchemaChange.ModifyForeignKey c) {
            return constraints.modifyForeignKey(c);
        }
        if (change instanceof SchemaChange.AddCheck c) {
            return List.of(constraints.addCheck(c, c.table(), c.check()));
        }
        if (change instanceof SchemaChange.DropCheck c) {
            return List.of(constraints.dropCheck(c, c.table(), c.check()));
        }
        if (change instanceof SchemaChange.ModifyCheck c) {
            return constraints.modifyCheck(c);
        }
        if (change instanceof SchemaChange.AddIndex c) {
            return List.of(indexes.add(c));
        }
        if (change instanceof SchemaChange.DropIndex c) {
            return List.of(indexes.drop(c));
        }
        if (change instanceof SchemaChange.ModifyIndex c) {
            return List.of(indexes.modify(c));
        }
        if (change instanceof SchemaChange.AddView c) {
            return addView(viewChanges, c);
        }
        if (change instanceof SchemaChange.DropView c) {
            return addView(viewChanges, c);
        }
        if (change instanceof SchemaChange.RenameView c) {
            return addView(viewChanges, c);
        }
        if (change instanceof SchemaChange.ModifyView c) {
            return addView(viewChanges, c);
        }
        if (change instanceof SchemaChange.AddUnique c) {
            throw notMySql(c, "MySQL has unique indexes, not unique constraints");
        }
        if (change instanceof SchemaChange.DropUnique c) {
            throw notMySql(c, "MySQL has unique indexes, not unique constraints");
        }
        if (change instanceof SchemaChange.AddExtension c) {
            throw notMySql(c, "extensions are PostgreSQL objects");
        }
        if (change instanceof SchemaChange.DropExtension c) {
            throw notMySql(c, "extensions are PostgreSQL objects");
        }
        if (change instanceof SchemaChange.AddEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }
        if (change instanceof SchemaChange.DropEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }
        if (change instanceof SchemaChange.ModifyEnum c) {
            throw notMySql(c, "MySQL ENUMs belong to their column, there are no enum types");
        }
        if (change instanceof SchemaChange.AddSequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }
        if (change instanceof SchemaChange.DropSequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }
        if (change instanceof SchemaChange.ModifySequence c) {
            throw notMySql(c, "sequences are not part of the MySQL model");
        }
        if (change instanceof SchemaChange.AddCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }
        if (change instanceof SchemaChange.DropCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }
        if (change instanceof SchemaChange.ModifyCollation c) {
            throw notMySql(c, "MySQL collations are built in, not schema objects");
        }
        // Java 17 has no pattern switch; MySqlPlannerTest proves by reflection that every SchemaChange is handled above.
        throw new IllegalStateException("unhandled change " + change);
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

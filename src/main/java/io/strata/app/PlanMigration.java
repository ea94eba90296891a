package io.strata.app;

import io.strata.source.Catalogs;
import io.strata.source.LoadedSource;
import io.strata.source.SourceLoader;
import io.strata.dialect.Dialects;
import io.strata.diff.Differ;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.migrate.Planner;

import java.util.List;

/**
 * PlanMigration is the use case behind {@code strata plan}: load the current and the desired schema,
 * then plan for the current one's server version (a live database's own, or the one given).
 */
public final class PlanMigration {

    /** The plan, the changes it implements and the sources it was made from. */
    public record Result(LoadedSource from, LoadedSource to, List<SchemaChange> changes, MigrationPlan plan) {
    }

    private final SourceLoader loader;

    public PlanMigration(SourceLoader loader) {
        this.loader = loader;
    }

    /** {@code serverVersion} null: the version of the server {@code from} was inspected on. */
    public Result run(String from, String to, String serverVersion) {
        List<LoadedSource> loaded = loader.loadAll(List.of(from, to));
        LoadedSource current = loaded.get(0);
        LoadedSource desired = loaded.get(1);
        Catalogs.requireSameDialect(current, desired);
        String version = serverVersion != null ? serverVersion : current.catalog().serverVersion();
        List<SchemaChange> changes = Differ.diff(current.catalog(), desired.catalog());
        MigrationPlan plan = Planner.plan(current.catalog(), desired.catalog(), changes,
                Dialects.byName(current.catalog().dialect()), version);
        return new Result(current, desired, changes, plan);
    }
}

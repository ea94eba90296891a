package io.strata.app;

import io.strata.source.Catalogs;
import io.strata.source.LoadedSource;
import io.strata.source.SourceLoader;
import io.strata.compat.Finding;
import io.strata.compat.relational.RelationalRules;
import io.strata.diff.Differ;
import io.strata.model.change.SchemaChange;

import java.util.List;

/** DiffSchemas is the use case behind {@code strata diff}: load two sources, diff them, classify each change. */
public final class DiffSchemas {

    /** The outcome: both sources, the raw changes and their classification (one or more findings per change). */
    public record Result(LoadedSource from, LoadedSource to, List<SchemaChange> changes, List<Finding> findings) {
    }

    private final SourceLoader loader;

    public DiffSchemas(SourceLoader loader) {
        this.loader = loader;
    }

    public Result run(String from, String to) {
        List<LoadedSource> loaded = loader.loadAll(List.of(from, to));
        return compare(loaded.get(0), loaded.get(1));
    }

    static Result compare(LoadedSource a, LoadedSource b) {
        Catalogs.requireSameDialect(a, b);
        List<SchemaChange> changes = Differ.diff(a.catalog(), b.catalog());
        return new Result(a, b, changes, RelationalRules.classify(b.catalog().dialect(), changes));
    }
}

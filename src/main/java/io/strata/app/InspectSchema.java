package io.strata.app;

import io.strata.source.LoadedSource;
import io.strata.source.SourceLoader;
import io.strata.dialect.Dialects;

import java.util.List;

/** InspectSchema is the use case behind {@code strata inspect}: load a source, then show its model or rebuild DDL. */
public final class InspectSchema {

    private final SourceLoader loader;

    public InspectSchema(SourceLoader loader) {
        this.loader = loader;
    }

    public LoadedSource model(String source) {
        return loader.load(source);
    }

    /** The CREATE statements that rebuild the source's schema on an empty database, each ending in a semicolon. */
    public List<String> ddl(String source) {
        LoadedSource loaded = loader.load(source);
        return Dialects.byName(loaded.catalog().dialect()).renderer().createStatements(loaded.catalog());
    }
}

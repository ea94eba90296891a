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

    /** The CREATE statements that rebuild a schema of {@code dialect} on an empty database, without semicolons. */
    public record Ddl(String dialect, List<String> statements) {
        public Ddl {
            statements = List.copyOf(statements);
        }
    }

    /** The CREATE statements that rebuild the source's schema on an empty database. */
    public Ddl ddl(String source) {
        LoadedSource loaded = loader.load(source);
        String dialect = loaded.catalog().dialect();
        return new Ddl(dialect, Dialects.byName(dialect).renderer().createStatements(loaded.catalog()));
    }
}

package io.strata.source;

import io.strata.error.StrataException;

/** Catalogs holds checks that span two loaded sources. */
public final class Catalogs {

    private Catalogs() {
    }

    /** Comparing a PostgreSQL schema with a MySQL one would report nonsense; refuse it plainly. */
    public static void requireSameDialect(LoadedSource a, LoadedSource b) {
        if (!a.catalog().dialect().equals(b.catalog().dialect())) {
            throw StrataException.badInput("cannot compare \"" + a.label() + "\" (" + a.catalog().dialect() + ") with \""
                    + b.label() + "\" (" + b.catalog().dialect() + "): the dialects differ");
        }
    }
}

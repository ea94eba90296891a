package io.strata.model;

import java.util.Objects;

/**
 * An Extension is a PostgreSQL extension installed in the database ({@code pg_trgm}, {@code citext}).
 *
 * @param name    extension name
 * @param schema  schema its objects live in
 * @param version installed version; not compared, since the same DDL installs different versions on different servers
 */
public record Extension(String name, String schema, String version) {
    public Extension {
        Objects.requireNonNull(name, "name");
    }
}

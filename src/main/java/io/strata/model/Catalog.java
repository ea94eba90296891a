package io.strata.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Catalog is the whole relational model of one database: its schemas and extensions, as one
 * inspection or one model file describes them. Immutable; lists are never null.
 *
 * @param dialect       {@code postgres} or {@code mysql}; says how types and expressions read
 * @param serverVersion the version the model was inspected on ("15.19", "10.11.19-MariaDB"), or empty
 * @param schemas       schemas (PostgreSQL namespaces, MySQL databases), sorted by name
 * @param extensions    PostgreSQL extensions; empty for MySQL
 */
public record Catalog(String dialect, String serverVersion, List<Schema> schemas, List<Extension> extensions) {

    public Catalog {
        Objects.requireNonNull(dialect, "dialect");
        serverVersion = serverVersion == null ? "" : serverVersion;
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    public Catalog withSchemas(List<Schema> newSchemas) {
        return new Catalog(dialect, serverVersion, newSchemas, extensions);
    }

    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public int tableCount() {
        return schemas.stream().mapToInt(s -> s.tables().size()).sum();
    }
}

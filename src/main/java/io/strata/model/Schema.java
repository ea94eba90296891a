package io.strata.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Schema is one namespace of a {@link Catalog}: a PostgreSQL schema or a MySQL database.
 * Lists are sorted by name and never null.
 *
 * @param charset   MySQL default character set of the database, or null
 * @param collation MySQL default collation of the database, or null
 * @param collations PostgreSQL collations created in the schema
 * @param objects    functions, procedures, triggers, policies, grants and events, sorted by {@link DefinedObject#identity()}
 */
public record Schema(String name, List<Table> tables, List<View> views, List<EnumType> enums,
                     List<Sequence> sequences, String comment, String charset, String collation,
                     List<Collation> collations, List<DefinedObject> objects) {

    public Schema {
        Objects.requireNonNull(name, "name");
        tables = tables == null ? List.of() : List.copyOf(tables);
        views = views == null ? List.of() : List.copyOf(views);
        enums = enums == null ? List.of() : List.copyOf(enums);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
        collations = collations == null ? List.of() : List.copyOf(collations);
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /** A schema without functions, triggers, policies, grants or events. */
    public Schema(String name, List<Table> tables, List<View> views, List<EnumType> enums, List<Sequence> sequences,
                  String comment, String charset, String collation, List<Collation> collations) {
        this(name, tables, views, enums, sequences, comment, charset, collation, collations, List.of());
    }

    public static Schema of(String name, List<Table> tables) {
        return new Schema(name, tables, List.of(), List.of(), List.of(), null, null, null, List.of());
    }

    public Schema withName(String newName) {
        return new Schema(newName, tables, views, enums, sequences, comment, charset, collation, collations, objects);
    }

    public Schema withTables(List<Table> newTables) {
        return new Schema(name, newTables, views, enums, sequences, comment, charset, collation, collations, objects);
    }

    public Schema withObjects(List<DefinedObject> newObjects) {
        return new Schema(name, tables, views, enums, sequences, comment, charset, collation, collations, newObjects);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<View> view(String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}

package io.strata.dialect.postgres;

import io.strata.dialect.ConnectionSource;
import io.strata.dialect.Inspector;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Collation;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.EnumRef;
import io.strata.model.ColumnTypes;
import io.strata.model.EnumType;
import io.strata.model.Extension;
import io.strata.model.ForeignKey;
import io.strata.model.Identity;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.View;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PostgresInspector reads a PostgreSQL database's catalog into a {@link Catalog} with the fixed set of
 * {@link PostgresCatalogQueries}. Dialect-specific table facts the model has no field for go to
 * {@link Table#options()}: {@code persistence}, {@code partition_by}, {@code partition_of},
 * {@code partition_bound}, {@code inherits} (parents as quoted qualified names, comma separated),
 * {@code exclusion.<name>} (an exclusion constraint's definition) and {@code deferrable.<name>} (a
 * deferrable primary key or unique constraint).
 */
public final class PostgresInspector implements Inspector {

    /** Option-key prefix of an exclusion constraint; the value is its definition ({@code EXCLUDE USING gist (c WITH &&)}). */
    public static final String EXCLUSION_PREFIX = "exclusion.";
    /** Option-key prefix of a deferrable primary key or unique constraint; the value is {@code DEFERRABLE INITIALLY ...}. */
    public static final String DEFERRABLE_PREFIX = "deferrable.";

    private static final Map<String, String> FK_ACTIONS = Map.of(
            "a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE", "n", "SET NULL", "d", "SET DEFAULT");

    /** Runs side queries; daemon threads, so a CLI run never waits for the pool at exit. */
    private static final Executor SIDE_QUERIES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "strata-pg-inspect");
        thread.setDaemon(true);
        return thread;
    });

    private final PostgresQuoter quoter = new PostgresQuoter();

    /** Statements run so far; tests read it to prove the count does not depend on the number of tables. */
    final AtomicInteger queriesRun = new AtomicInteger();

    @Override
    public Catalog inspect(Connection connection, List<String> schemas) {
        return inspect(connection, null, schemas);
    }

    /**
     * Runs the columns and indexes queries, the two slowest, each on a connection of its own while the
     * other queries run on the first: on a 2,000-table schema this takes the inspection from the sum
     * of the queries to about the longest of them.
     */
    @Override
    public Catalog inspect(ConnectionSource connections, List<String> schemas) {
        try (Connection connection = connections.open()) {
            return inspect(connection, connections, schemas);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot inspect the PostgreSQL catalog: " + e.getMessage(), e);
        }
    }

    private Catalog inspect(Connection connection, ConnectionSource side, List<String> schemas) {
        try {
            return read(connection, side, schemas == null ? List.of() : schemas);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot inspect the PostgreSQL catalog: " + e.getMessage(), e);
        }
    }

    private Catalog read(Connection c, ConnectionSource side, List<String> requested) throws SQLException {
        String[] version = query(c, PostgresCatalogQueries.VERSION, null,
                rs -> new String[] {rs.getString(1), rs.getString(2)}).get(0);
        int versionNum = Integer.parseInt(version[1]);
        String[] asked = requested.toArray(String[]::new);
        List<String[]> schemaRows = query(c, PostgresCatalogQueries.SCHEMAS, new Object[] {asked, asked},
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        Array names = c.createArrayOf("text", schemaRows.stream().map(r -> r[0]).toArray());
        String[] schemaNames = schemaRows.stream().map(r -> r[0]).toArray(String[]::new);
        CompletableFuture<List<KeyedColumn>> columns = onSide(c, side, own -> readColumns(own, schemaNames));
        CompletableFuture<Map<TableKey, List<Index>>> indexFuture = onSide(c, side, own -> readIndexes(own, schemaNames));
        Map<TableKey, TableParts> tables = readTables(c, names);
        readConstraints(c, names, versionNum, tables);
        Map<TableKey, List<Index>> indexes = join(indexFuture);
        indexes.forEach((key, list) -> {
            TableParts t = tables.get(key);
            if (t != null) {
                t.indexes.addAll(list);
            }
        });
        Map<String, List<View>> views = groupBySchema(query(c, PostgresCatalogQueries.VIEWS, names,
                rs -> view(rs, indexes)));
        Map<String, List<EnumType>> enums = groupBySchema(query(c, PostgresCatalogQueries.ENUMS, names,
                rs -> new InSchema<>(rs.getString(1), new EnumType(rs.getString(2), strings(rs, 3)))));
        Map<String, List<Sequence>> sequences = groupBySchema(query(c, PostgresCatalogQueries.SEQUENCES, names,
                this::sequence));
        Map<String, List<Collation>> collations = groupBySchema(query(c, PostgresCatalogQueries.collations(versionNum),
                names, PostgresInspector::collation));
        List<Extension> extensions = query(c, PostgresCatalogQueries.EXTENSIONS, names,
                rs -> new Extension(rs.getString(1), rs.getString(2), rs.getString(3)));

        for (KeyedColumn column : join(columns)) {
            TableParts t = tables.get(column.table());
            if (t != null) {
                t.columns.add(column.column());
            }
        }
        Map<String, List<Table>> tablesBySchema = new HashMap<>();
        tables.forEach((key, parts) -> tablesBySchema.computeIfAbsent(key.schema(), k -> new ArrayList<>())
                .add(parts.build()));
        List<Schema> out = new ArrayList<>();
        for (String[] row : schemaRows) {
            String name = row[0];
            out.add(new Schema(name,
                    sorted(tablesBySchema.getOrDefault(name, List.of()), Table::name),
                    sorted(views.getOrDefault(name, List.of()), View::name),
                    sorted(enums.getOrDefault(name, List.of()), EnumType::name),
                    sorted(sequences.getOrDefault(name, List.of()), Sequence::name),
                    row[1], null, null,
                    sorted(collations.getOrDefault(name, List.of()), Collation::name)));
        }
        return new Catalog(PostgresDialect.NAME, version[0].split(" ")[0], sorted(out, Schema::name),
                sorted(extensions, Extension::name));
    }

    private Map<TableKey, TableParts> readTables(Connection c, Array names) throws SQLException {
        Map<TableKey, TableParts> tables = new LinkedHashMap<>();
        query(c, PostgresCatalogQueries.TABLES, names, rs -> {
            TableParts t = new TableParts(rs.getString(2), rs.getString(9));
            if ("u".equals(rs.getString(3))) {
                t.options.put("persistence", "unlogged");
            }
            putIfNotNull(t.options, "partition_by", rs.getString(5));
            String[] parentSchemas = strings(rs, 7).toArray(String[]::new);
            String[] parentNames = strings(rs, 8).toArray(String[]::new);
            List<String> parents = new ArrayList<>();
            for (int i = 0; i < parentNames.length; i++) {
                parents.add(quoter.qualified(parentSchemas[i], parentNames[i]));
            }
            if (rs.getBoolean(4) && !parents.isEmpty()) {
                t.options.put("partition_of", parents.get(0));
                putIfNotNull(t.options, "partition_bound", rs.getString(6));
            } else if (!parents.isEmpty()) {
                t.options.put("inherits", String.join(", ", parents));
            }
            tables.put(new TableKey(rs.getString(1), t.name), t);
            return t;
        });
        return tables;
    }

    /**
     * Runs {@code work} on a connection of its own in a background thread when {@code side} is given,
     * else right here on {@code c}, so that a caller's single connection is all an inspection uses.
     */
    private static <T> CompletableFuture<T> onSide(Connection c, ConnectionSource side, SqlWork<T> work)
            throws SQLException {
        if (side == null) {
            return CompletableFuture.completedFuture(work.run(c));
        }
        return CompletableFuture.supplyAsync(() -> {
            try (Connection own = side.open()) {
                return work.run(own);
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.INTERNAL, "cannot read the PostgreSQL catalog: " + e.getMessage(), e);
            }
        }, SIDE_QUERIES);
    }

    private List<KeyedColumn> readColumns(Connection c, String[] schemas) throws SQLException {
        return query(c, PostgresCatalogQueries.COLUMNS, new Object[] {schemas}, rs -> new KeyedColumn(
                new TableKey(rs.getString(1), rs.getString(2)), new NumberedColumn(rs.getInt("attnum"), column(rs))));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Column column(ResultSet rs) throws SQLException {
        ColumnType type;
        if ("e".equals(rs.getString("typtype"))) {
            type = new EnumRef(rs.getString("type_schema"), rs.getString("typname"));
        } else if ("e".equals(rs.getString("elem_typtype"))) {
            type = new ArrayType(new EnumRef(rs.getString("elem_schema"), rs.getString("elem_name")));
        } else {
            type = ColumnTypes.parse(ColumnTypes.POSTGRES, rs.getString("type_text"));
        }
        String identityKind = switch (rs.getString("attidentity")) {
            case "a" -> Identity.ALWAYS;
            case "d" -> Identity.BY_DEFAULT;
            default -> null;
        };
        Identity identity = null;
        if (identityKind != null) {
            String[] sequence = rs.getString("identity_sequence").split(",");
            identity = new Identity(identityKind, Long.parseLong(sequence[0]), Long.parseLong(sequence[1]));
        }
        String generated = rs.getString("attgenerated");
        boolean isGenerated = "s".equals(generated) || "v".equals(generated);
        String expr = rs.getString("expr");
        String collation = rs.getString("collation");
        if (collation != null && !"pg_catalog".equals(rs.getString("collation_schema"))) {
            collation = quoter.qualified(rs.getString("collation_schema"), collation);
        }
        return new Column(rs.getString("attname"), type, !rs.getBoolean("attnotnull"),
                isGenerated ? null : expr, identity, isGenerated ? expr : null, "s".equals(generated),
                collation, null, rs.getString("description"), null);
    }

    private void readConstraints(Connection c, Array names, int versionNum, Map<TableKey, TableParts> tables)
            throws SQLException {
        query(c, PostgresCatalogQueries.constraints(versionNum), names, rs -> {
            TableParts t = tables.get(new TableKey(rs.getString(1), rs.getString(2)));
            if (t == null) {
                return null;
            }
            String name = rs.getString("conname");
            List<String> cols = strings(rs, "cols");
            String deferrable = !rs.getBoolean("condeferrable") ? "NOT DEFERRABLE"
                    : rs.getBoolean("condeferred") ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
            switch (rs.getString("contype")) {
                case "p" -> {
                    t.primaryKey = new PrimaryKey(name, cols);
                    putDeferrable(t, name, deferrable);
                }
                case "u" -> {
                    t.uniques.add(new UniqueConstraint(name, cols, rs.getBoolean("nulls_not_distinct")));
                    putDeferrable(t, name, deferrable);
                }
                case "f" -> t.foreignKeys.add(new ForeignKey(name, cols, rs.getString("ref_schema"),
                        rs.getString("ref_table"), strings(rs, "ref_cols"), FK_ACTIONS.get(rs.getString("confupdtype")),
                        FK_ACTIONS.get(rs.getString("confdeltype")), deferrable));
                case "c" -> t.checks.add(new Check(name, checkExpression(rs.getString("def")),
                        rs.getBoolean("connoinherit")));
                case "x" -> t.options.put(EXCLUSION_PREFIX + name, rs.getString("def"));
                default -> {
                    // the query selects only the kinds above
                }
            }
            return t;
        });
    }

    private static void putDeferrable(TableParts t, String constraint, String deferrable) {
        if (!deferrable.equals("NOT DEFERRABLE")) {
            t.options.put(DEFERRABLE_PREFIX + constraint, deferrable);
        }
    }

    /** {@code CHECK (price > 0) NO INHERIT} becomes {@code price > 0}; NO INHERIT has its own field. */
    static String checkExpression(String definition) {
        String def = definition.strip();
        for (String suffix : List.of(" NOT VALID", " NO INHERIT")) {
            if (def.endsWith(suffix)) {
                def = def.substring(0, def.length() - suffix.length()).strip();
            }
        }
        if (def.startsWith("CHECK (") && def.endsWith(")")) {
            return def.substring("CHECK (".length(), def.length() - 1);
        }
        return def;
    }

    /** The indexes of every table and materialized view, by the relation they belong to. */
    private Map<TableKey, List<Index>> readIndexes(Connection c, String[] schemas) throws SQLException {
        Map<TableKey, Map<String, IndexParts>> byTable = new LinkedHashMap<>();
        query(c, PostgresCatalogQueries.INDEXES, new Object[] {schemas}, rs -> {
            TableKey key = new TableKey(rs.getString(1), rs.getString(2));
            IndexParts ix = byTable.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(rs.getString("index_name"), n -> new IndexParts(n, rs));
            String column = rs.getString("attname");
            if (rs.getBoolean("included")) {
                ix.include.add(column);
            } else {
                ix.parts.add(new IndexPart(column, column == null ? rs.getString("expr") : null,
                        rs.getBoolean("descending"), rs.getString("opclass"), null));
            }
            return ix;
        });
        Map<TableKey, List<Index>> out = new HashMap<>();
        byTable.forEach((key, indexes) -> out.put(key, indexes.values().stream().map(IndexParts::build).toList()));
        return out;
    }

    private static InSchema<Collation> collation(ResultSet rs) throws SQLException {
        String provider = switch (rs.getString("collprovider")) {
            case "c" -> "libc";
            case "i" -> "icu";
            case "b" -> "builtin";
            case "d" -> "default";
            default -> throw new StrataException(ErrorCode.INTERNAL, "collation \"" + rs.getString("collname")
                    + "\" has unknown provider \"" + rs.getString("collprovider") + "\"");
        };
        return new InSchema<>(rs.getString(1), new Collation(rs.getString("collname"), provider,
                rs.getString("locale"), rs.getString("lc_collate"), rs.getString("lc_ctype"),
                rs.getBoolean("collisdeterministic"), rs.getString("rules"), rs.getString("description")));
    }

    private InSchema<View> view(ResultSet rs, Map<TableKey, List<Index>> indexes) throws SQLException {
        String def = rs.getString("def").strip();
        if (def.endsWith(";")) {
            def = def.substring(0, def.length() - 1);
        }
        List<Index> own = indexes.getOrDefault(new TableKey(rs.getString(1), rs.getString(2)), List.of());
        return new InSchema<>(rs.getString(1), new View(rs.getString(2), def, rs.getBoolean("materialized"),
                strings(rs, "cols"), rs.getString("description"), null, sorted(own, Index::name)));
    }

    private InSchema<Sequence> sequence(ResultSet rs) throws SQLException {
        String ownerTable = rs.getString("owner_table");
        String ownedBy = ownerTable == null ? null : ownerTable + "." + rs.getString("owner_column");
        return new InSchema<>(rs.getString(1), new Sequence(rs.getString(2), rs.getString("data_type"),
                rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"),
                rs.getLong("seqcache"), rs.getBoolean("seqcycle"), ownedBy));
    }

    /** Runs one catalog query; {@code param} is the schema-name array, an array of parameters, or null. */
    private <T> List<T> query(Connection c, String sql, Object param, RowReader<T> reader) throws SQLException {
        queriesRun.incrementAndGet();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Object[] params = param == null ? new Object[0] : param instanceof Object[] a ? a : new Object[] {param};
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] strings) {
                    ps.setArray(i + 1, c.createArrayOf("text", strings));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        }
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return strings(rs, rs.findColumn(column));
    }

    private static void putIfNotNull(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static <T> Map<String, List<T>> groupBySchema(List<InSchema<T>> rows) {
        return rows.stream().collect(Collectors.groupingBy(InSchema::schema,
                Collectors.mapping(InSchema::value, Collectors.toList())));
    }

    private static <T> List<T> sorted(List<T> list, Function<T, String> name) {
        return list.stream().sorted(Comparator.comparing(name)).toList();
    }

    /** Work on one connection: a query and the mapping of its rows. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Reads one row of a catalog query. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private record TableKey(String schema, String table) {
    }

    /** A column read by the columns query, with the table it belongs to. */
    private record KeyedColumn(TableKey table, NumberedColumn column) {
    }

    /** A column and its position, since the columns query returns rows unsorted. */
    private record NumberedColumn(int attnum, Column column) {
    }

    private record InSchema<T>(String schema, T value) {
    }

    /** A table being assembled from the rows of several queries. */
    private static final class TableParts {
        final String name;
        final String comment;
        final List<NumberedColumn> columns = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final Map<String, String> options = new HashMap<>();
        PrimaryKey primaryKey;

        TableParts(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        Table build() {
            List<Column> ordered = columns.stream().sorted(Comparator.comparingInt(NumberedColumn::attnum))
                    .map(NumberedColumn::column).toList();
            return new Table(name, ordered, primaryKey, sorted(uniques, UniqueConstraint::name),
                    sorted(indexes, Index::name), sorted(foreignKeys, ForeignKey::name), sorted(checks, Check::name),
                    comment, options, null);
        }
    }

    /** An index being assembled from its per-column rows. */
    private static final class IndexParts {
        final String name;
        final boolean unique;
        final String method;
        final String predicate;
        final String comment;
        final List<IndexPart> parts = new ArrayList<>();
        final List<String> include = new ArrayList<>();

        IndexParts(String name, ResultSet rs) {
            this.name = name;
            try {
                this.unique = rs.getBoolean("indisunique");
                this.method = rs.getString("amname");
                this.predicate = rs.getString("predicate");
                this.comment = rs.getString("description");
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.INTERNAL, "cannot read index \"" + name + "\": " + e.getMessage(), e);
            }
        }

        Index build() {
            return new Index(name, parts, unique, method, predicate, include, comment);
        }
    }
}

package io.strata.dialect.postgres;

import io.strata.dialect.ConnectionSource;
import io.strata.dialect.Inspector;
import io.strata.dialect.postgres.PostgresCatalogRows.InSchema;
import io.strata.dialect.postgres.PostgresCatalogRows.TableKey;
import io.strata.dialect.postgres.PostgresCatalogRows.TableParts;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Collation;
import io.strata.model.DefinedObject;
import io.strata.model.EnumType;
import io.strata.model.Extension;
import io.strata.model.Index;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.View;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.strata.dialect.postgres.PostgresCatalogRows.groupBySchema;
import static io.strata.dialect.postgres.PostgresCatalogRows.sorted;
import static io.strata.dialect.postgres.PostgresCatalogRows.strings;

/**
 * PostgresInspector reads a PostgreSQL database's catalog into a {@link Catalog} with the fixed set of
 * {@link PostgresCatalogQueries}. Dialect-specific table facts the model has no field for go to
 * {@link Table#options()}: {@code persistence}, {@code partition_by}, {@code partition_of},
 * {@code partition_bound}, {@code inherits} (parents as quoted qualified names, comma separated),
 * {@code exclusion.<name>} (an exclusion constraint's definition) and {@code deferrable.<name>} (a
 * deferrable primary key or unique constraint). Functions, procedures, triggers, policies, row-level security and
 * grants are {@link DefinedObject}s read by {@link PostgresDefinedObjectReader}.
 */
public final class PostgresInspector implements Inspector {

    /** Option-key prefix of an exclusion constraint; the value is its definition ({@code EXCLUDE USING gist (c WITH &&)}). */
    public static final String EXCLUSION_PREFIX = "exclusion.";
    /** Option-key prefix of a deferrable primary key or unique constraint; the value is {@code DEFERRABLE INITIALLY ...}. */
    public static final String DEFERRABLE_PREFIX = "deferrable.";

    /** Runs side queries; daemon threads, so a CLI run never waits for the pool at exit. */
    private static final Executor SIDE_QUERIES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "strata-pg-inspect");
        thread.setDaemon(true);
        return thread;
    });

    private final PostgresQuoter quoter = new PostgresQuoter();

    /** Statements run so far; tests read it to prove the count does not depend on the number of tables. */
    final AtomicInteger queriesRun = new AtomicInteger();

    private final PostgresCatalogRows rows = new PostgresCatalogRows(queriesRun);
    private final PostgresColumnReader columnReader = new PostgresColumnReader(rows, quoter);
    private final PostgresConstraintReader constraintReader = new PostgresConstraintReader(rows);
    private final PostgresIndexReader indexReader = new PostgresIndexReader(rows);
    private final PostgresViewReader viewReader = new PostgresViewReader(rows);
    private final PostgresDefinedObjectReader objectReader = new PostgresDefinedObjectReader(rows, quoter);

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
        String[] version = rows.query(c, PostgresCatalogQueries.VERSION, null,
                rs -> new String[] {rs.getString(1), rs.getString(2)}).get(0);
        int versionNum = Integer.parseInt(version[1]);
        String[] asked = requested.toArray(String[]::new);
        List<String[]> schemaRows = rows.query(c, PostgresCatalogQueries.SCHEMAS, new Object[] {asked, asked},
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        String[] schemaNames = schemaRows.stream().map(r -> r[0]).toArray(String[]::new);
        Array names = c.createArrayOf("text", schemaNames);
        CompletableFuture<List<PostgresColumnReader.KeyedColumn>> columns = onSide(c, side, own -> columnReader.read(own, schemaNames));
        CompletableFuture<Map<TableKey, List<Index>>> indexFuture = onSide(c, side, own -> indexReader.read(own, schemaNames));
        Map<TableKey, TableParts> tables = readTables(c, names);
        constraintReader.read(c, names, versionNum, tables);
        Map<TableKey, List<Index>> indexes = join(indexFuture);
        indexes.forEach((key, list) -> {
            TableParts t = tables.get(key);
            if (t != null) {
                t.indexes.addAll(list);
            }
        });
        Map<String, List<View>> views = viewReader.read(c, names, indexes);
        Map<String, List<EnumType>> enums = groupBySchema(rows.query(c, PostgresCatalogQueries.ENUMS, names,
                rs -> new InSchema<>(rs.getString(1), new EnumType(rs.getString(2), strings(rs, 3)))));
        Map<String, List<Sequence>> sequences = groupBySchema(rows.query(c, PostgresCatalogQueries.SEQUENCES, names,
                PostgresObjectReader::sequence));
        Map<String, List<Collation>> collations = groupBySchema(rows.query(c, PostgresCatalogQueries.collations(versionNum),
                names, PostgresObjectReader::collation));
        List<Extension> extensions = rows.query(c, PostgresCatalogQueries.EXTENSIONS, names,
                rs -> new Extension(rs.getString(1), rs.getString(2), rs.getString(3)));
        Map<String, List<DefinedObject>> objects = objectReader.read(c, schemaNames, versionNum);

        for (PostgresColumnReader.KeyedColumn column : join(columns)) {
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
                    sorted(collations.getOrDefault(name, List.of()), Collation::name),
                    objects.getOrDefault(name, List.of())));
        }
        return new Catalog(PostgresDialect.NAME, version[0].split(" ")[0], sorted(out, Schema::name),
                sorted(extensions, Extension::name));
    }

    private Map<TableKey, TableParts> readTables(Connection c, Array names) throws SQLException {
        Map<TableKey, TableParts> tables = new LinkedHashMap<>();
        rows.query(c, PostgresCatalogQueries.TABLES, names, rs -> {
            TableParts t = new TableParts(rs.getString(2), rs.getString(9));
            if ("u".equals(rs.getString(3))) {
                t.options.put("persistence", "unlogged");
            }
            PostgresCatalogRows.putIfNotNull(t.options, "partition_by", rs.getString(5));
            String[] parentSchemas = strings(rs, 7).toArray(String[]::new);
            String[] parentNames = strings(rs, 8).toArray(String[]::new);
            List<String> parents = new ArrayList<>();
            for (int i = 0; i < parentNames.length; i++) {
                parents.add(quoter.qualified(parentSchemas[i], parentNames[i]));
            }
            if (rs.getBoolean(4) && !parents.isEmpty()) {
                t.options.put("partition_of", parents.get(0));
                PostgresCatalogRows.putIfNotNull(t.options, "partition_bound", rs.getString(6));
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

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Work on one connection: a query and the mapping of its rows. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}

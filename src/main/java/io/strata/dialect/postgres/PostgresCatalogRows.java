package io.strata.dialect.postgres;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.PrimaryKey;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PostgresCatalogRows runs the inspector's catalog queries, counting each one so tests can hold an
 * inspection to a fixed number, and holds the small types the per-kind readers share, among them the
 * tables they fill in.
 */
final class PostgresCatalogRows {

    /** A table (or materialized view) named by its schema and name. */
    record TableKey(String schema, String table) {
    }

    /** An object read from a query, with the schema it belongs to. */
    record InSchema<T>(String schema, T value) {
    }

    /** A table being assembled from the rows of several catalog queries. */
    static final class TableParts {

        /** A column and its position, since the columns query returns rows unsorted. */
        record NumberedColumn(int attnum, Column column) {
        }

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

    /** Reads one row of a catalog query. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final AtomicInteger queriesRun;

    PostgresCatalogRows(AtomicInteger queriesRun) {
        this.queriesRun = queriesRun;
    }

    /** Runs one catalog query; {@code param} is the schema-name array, an array of parameters, or null. */
    <T> List<T> query(Connection c, String sql, Object param, RowReader<T> reader) throws SQLException {
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

    static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        return strings(rs, rs.findColumn(column));
    }

    static void putIfNotNull(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static <T> Map<String, List<T>> groupBySchema(List<InSchema<T>> rows) {
        return rows.stream().collect(Collectors.groupingBy(InSchema::schema,
                Collectors.mapping(InSchema::value, Collectors.toList())));
    }

    static <T> List<T> sorted(List<T> list, Function<T, String> name) {
        return list.stream().sorted(Comparator.comparing(name)).toList();
    }
}

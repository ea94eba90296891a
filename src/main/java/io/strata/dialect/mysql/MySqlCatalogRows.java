package io.strata.dialect.mysql;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MySqlCatalogRows runs the inspector's {@link MySqlCatalogQueries} over a list of databases and returns
 * their rows as text, counting every query so tests can hold an inspection to a fixed number, and holds
 * the small types the per-kind readers share.
 */
final class MySqlCatalogRows {

    /** One result row, keyed by upper-case column label; a column the server lacks reads as absent. */
    record Row(Map<String, String> values) {

        String get(String column) {
            return values.get(column);
        }

        /** The value, with the empty string read as null (comments and options use "" for none). */
        String nonEmpty(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? null : v;
        }

        boolean has(String column) {
            return values.containsKey(column);
        }

        Integer integer(String column) {
            String v = values.get(column);
            return v == null ? null : Integer.valueOf(v);
        }

        TableKey table() {
            return new TableKey(get("TABLE_SCHEMA"), get("TABLE_NAME"));
        }
    }

    /** A table or view named by its database and name. */
    record TableKey(String schema, String name) {
    }

    private final Connection connection;
    private final List<String> schemas;
    private final AtomicInteger counter;

    MySqlCatalogRows(Connection connection, List<String> schemas, AtomicInteger counter) {
        this.connection = connection;
        this.schemas = List.copyOf(schemas);
        this.counter = counter;
    }

    List<String> schemas() {
        return schemas;
    }

    /** {@code ?, ?, ?}: one placeholder per inspected database, for {@code IN (...)}. */
    String placeholders() {
        return String.join(", ", Collections.nCopies(schemas.size(), "?"));
    }

    /** Runs {@code sql}, whose every {@code IN (%s)} is filled with the database list. */
    List<Row> rows(String sql) {
        int slots = sql.split("%s", -1).length - 1;
        String text = sql.replace("%s", placeholders());
        counter.incrementAndGet();
        try (PreparedStatement ps = connection.prepareStatement(text)) {
            int i = 1;
            for (int s = 0; s < slots; s++) {
                for (String schema : schemas) {
                    ps.setString(i++, schema);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return read(rs);
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "inspection query failed: " + e.getMessage(), e);
        }
    }

    /** A single-value query such as {@code SELECT VERSION()}. */
    String value(String sql) {
        counter.incrementAndGet();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "inspection query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The statement {@code SHOW CREATE FUNCTION|PROCEDURE} prints (its third column), for {@code what} the message
     * names; the server leaves it empty to a login that may not read the body, which is an error here, not "no body".
     */
    String showCreate(String sql, String what) {
        counter.incrementAndGet();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            String text = rs.next() ? rs.getString(3) : null;
            if (text == null) {
                throw new StrataException(ErrorCode.NOT_CONFIGURED, "cannot read the definition of " + what
                        + ": the login needs to own it or hold the right to see routines (SHOW_ROUTINE on MariaDB,"
                        + " SHOW_ROUTINE or SELECT on mysql.* on MySQL)");
            }
            return text;
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "inspection query failed: " + e.getMessage(), e);
        }
    }

    private static List<Row> read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Row> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> values = new HashMap<>();
            for (int c = 1; c <= md.getColumnCount(); c++) {
                values.put(md.getColumnLabel(c).toUpperCase(Locale.ROOT), rs.getString(c));
            }
            out.add(new Row(values));
        }
        return out;
    }
}

package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresCatalogRows.TableKey;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Index;
import io.strata.model.IndexPart;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgresIndexReader reads the indexes of every table and materialized view with the one indexes query. */
final class PostgresIndexReader {

    private final PostgresCatalogRows rows;

    PostgresIndexReader(PostgresCatalogRows rows) {
        this.rows = rows;
    }

    /** The indexes of every table and materialized view, by the relation they belong to. */
    Map<TableKey, List<Index>> read(Connection c, String[] schemas) throws SQLException {
        Map<TableKey, Map<String, IndexParts>> byTable = new LinkedHashMap<>();
        rows.query(c, PostgresCatalogQueries.INDEXES, new Object[] {schemas}, rs -> {
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

package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlCatalogRows.Row;
import io.strata.dialect.mysql.MySqlCatalogRows.TableKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MySqlIndexReader reads primary keys and indexes, unique ones included (MySQL has no unique
 * constraints apart from unique indexes), in one STATISTICS query.
 */
final class MySqlIndexReader {

    static final String PRIMARY = "PRIMARY";

    /** The primary keys and the other indexes (sorted by name) of each table. */
    record Result(Map<TableKey, PrimaryKey> primaryKeys, Map<TableKey, List<Index>> indexes) {
    }

    private MySqlIndexReader() {
    }

    static Result read(MySqlCatalogRows info) {
        Map<TableKey, Map<String, List<Row>>> byIndex = new LinkedHashMap<>();
        for (Row row : info.rows(MySqlCatalogQueries.INDEXES)) {
            byIndex.computeIfAbsent(row.table(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get("INDEX_NAME"), k -> new ArrayList<>()).add(row);
        }
        Map<TableKey, PrimaryKey> primaryKeys = new LinkedHashMap<>();
        Map<TableKey, List<Index>> indexes = new LinkedHashMap<>();
        byIndex.forEach((table, named) -> {
            List<Index> list = new ArrayList<>();
            named.forEach((name, rows) -> {
                if (name.equals(PRIMARY)) {
                    primaryKeys.put(table, new PrimaryKey(PRIMARY, rows.stream().map(r -> r.get("COLUMN_NAME")).toList()));
                } else {
                    list.add(index(name, rows));
                }
            });
            list.sort(Comparator.comparing(Index::name));
            indexes.put(table, list);
        });
        return new Result(primaryKeys, indexes);
    }

    private static Index index(String name, List<Row> rows) {
        Row first = rows.get(0);
        String method = first.get("INDEX_TYPE");
        // Spatial and fulltext keys report a SUB_PART that is not a prefix the DDL can state.
        boolean prefixes = !"SPATIAL".equals(method) && !"FULLTEXT".equals(method);
        List<IndexPart> parts = rows.stream().map(r -> new IndexPart(
                r.get("COLUMN_NAME"),
                r.get("COLUMN_NAME") == null ? r.nonEmpty("EXPRESSION") : null,
                "D".equals(r.get("COLLATION")),
                null,
                prefixes ? r.integer("SUB_PART") : null)).toList();
        return new Index(name, parts, "0".equals(first.get("NON_UNIQUE")), method, null, List.of(),
                first.nonEmpty("INDEX_COMMENT"));
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlCatalogRows.Row;
import io.strata.dialect.mysql.MySqlCatalogRows.TableKey;
import io.strata.model.Check;
import io.strata.model.ForeignKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MySqlConstraintReader reads foreign keys (two queries) and check constraints (one). */
final class MySqlConstraintReader {

    private MySqlConstraintReader() {
    }

    /** Each table's foreign keys, sorted by name; a reference into the same database has a null refSchema. */
    static Map<TableKey, List<ForeignKey>> foreignKeys(MySqlCatalogRows info) {
        Map<TableKey, Map<String, Row>> rules = new LinkedHashMap<>();
        for (Row row : info.rows(MySqlCatalogQueries.FOREIGN_KEY_RULES)) {
            rules.computeIfAbsent(row.table(), k -> new LinkedHashMap<>()).put(row.get("CONSTRAINT_NAME"), row);
        }
        Map<TableKey, Map<String, List<Row>>> grouped = new LinkedHashMap<>();
        for (Row row : info.rows(MySqlCatalogQueries.FOREIGN_KEY_COLUMNS)) {
            grouped.computeIfAbsent(row.table(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get("CONSTRAINT_NAME"), k -> new ArrayList<>()).add(row);
        }
        Map<TableKey, List<ForeignKey>> out = new LinkedHashMap<>();
        grouped.forEach((table, named) -> out.put(table, named.entrySet().stream()
                .map(e -> foreignKey(e.getKey(), e.getValue(), rules.getOrDefault(table, Map.of()).get(e.getKey())))
                .sorted(Comparator.comparing(ForeignKey::name)).toList()));
        return out;
    }

    private static ForeignKey foreignKey(String name, List<Row> rows, Row rule) {
        Row first = rows.get(0);
        String refSchema = first.get("REFERENCED_TABLE_SCHEMA");
        if (refSchema != null && refSchema.equals(first.get("TABLE_SCHEMA"))) {
            refSchema = null;
        }
        return new ForeignKey(name, rows.stream().map(r -> r.get("COLUMN_NAME")).toList(), refSchema,
                first.get("REFERENCED_TABLE_NAME"), rows.stream().map(r -> r.get("REFERENCED_COLUMN_NAME")).toList(),
                rule == null ? null : rule.get("UPDATE_RULE"), rule == null ? null : rule.get("DELETE_RULE"), null);
    }

    /** Each table's check constraints, sorted by name, expressions relative to their own database. */
    static Map<TableKey, List<Check>> checks(MySqlCatalogRows info, boolean mariaDb) {
        Map<TableKey, List<Check>> out = new LinkedHashMap<>();
        for (Row row : info.rows(mariaDb ? MySqlCatalogQueries.MARIADB_CHECKS : MySqlCatalogQueries.MYSQL_CHECKS)) {
            String expression = MySqlSqlText.stripSchema(row.get("CHECK_CLAUSE"), row.get("TABLE_SCHEMA"));
            out.computeIfAbsent(row.table(), k -> new ArrayList<>())
                    .add(new Check(row.get("CONSTRAINT_NAME"), expression, false));
        }
        out.values().forEach(list -> list.sort(Comparator.comparing(Check::name)));
        return out;
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlCatalogRows.Row;
import io.strata.dialect.mysql.MySqlCatalogRows.TableKey;
import io.strata.model.Column;
import io.strata.model.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MySqlViewReader reads view bodies in one VIEWS query; their column names come from the COLUMNS query. */
final class MySqlViewReader {

    private MySqlViewReader() {
    }

    /** Each database's views, sorted by name, with the database's own qualifier stripped from the body. */
    static Map<String, List<View>> read(MySqlCatalogRows info, Map<TableKey, List<Column>> columns) {
        Map<String, List<View>> out = new LinkedHashMap<>();
        for (Row row : info.rows(MySqlCatalogQueries.VIEWS)) {
            String schema = row.get("TABLE_SCHEMA");
            String definition = MySqlSqlText.stripSchema(row.get("VIEW_DEFINITION"), schema);
            List<String> names = columns.getOrDefault(row.table(), List.of()).stream().map(Column::name).toList();
            out.computeIfAbsent(schema, k -> new ArrayList<>())
                    .add(new View(row.get("TABLE_NAME"), definition, false, names, null, null, List.of()));
        }
        return out;
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlCatalogRows.Row;
import io.strata.dialect.mysql.MySqlCatalogRows.TableKey;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.Identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** MySqlColumnReader reads the columns of every inspected table and view in one COLUMNS query. */
final class MySqlColumnReader {

    /** Table option key prefix recording {@code ON UPDATE} of a column, which {@link Column} has no field for. */
    static final String ON_UPDATE_PREFIX = "on_update.";

    /**
     * The columns of each table in ordinal order, and each table's ON UPDATE expressions by column.
     */
    record Result(Map<TableKey, List<Column>> columns, Map<TableKey, Map<String, String>> onUpdate) {
    }

    private MySqlColumnReader() {
    }

    /** @param tableCollations each base table's default collation, so column collations are kept only when they differ */
    static Result read(MySqlCatalogRows info, Map<TableKey, String> tableCollations, boolean mariaDb) {
        Map<TableKey, List<Column>> columns = new LinkedHashMap<>();
        Map<TableKey, Map<String, String>> onUpdate = new LinkedHashMap<>();
        for (Row row : info.rows(MySqlCatalogQueries.COLUMNS)) {
            TableKey key = row.table();
            String extra = row.get("EXTRA") == null ? "" : row.get("EXTRA");
            String update = MySqlDefaults.onUpdate(extra);
            if (update != null) {
                onUpdate.computeIfAbsent(key, k -> new TreeMap<>()).put(row.get("COLUMN_NAME"), update);
            }
            columns.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(column(row, extra, tableCollations.get(key), mariaDb));
        }
        return new Result(columns, onUpdate);
    }

    private static Column column(Row row, String extra, String tableCollation, boolean mariaDb) {
        String name = row.get("COLUMN_NAME");
        ColumnType type = ColumnTypes.parse(ColumnTypes.MYSQL, row.get("COLUMN_TYPE"));
        String upperExtra = extra.toUpperCase(Locale.ROOT);
        String generation = row.nonEmpty("GENERATION_EXPRESSION");
        boolean generated = generation != null
                && (upperExtra.contains("VIRTUAL") || upperExtra.contains("STORED") || upperExtra.contains("PERSISTENT"));
        boolean stored = generated && !upperExtra.contains("VIRTUAL");
        Identity identity = upperExtra.contains("AUTO_INCREMENT") ? Identity.autoIncrement() : null;
        String defaultExpr = generated || identity != null ? null
                : MySqlDefaults.canonical(row.get("COLUMN_DEFAULT"), extra, type, mariaDb);
        String collation = row.get("COLLATION_NAME");
        String charset = row.get("CHARACTER_SET_NAME");
        // Kept only when they differ from the table's defaults, so a column that merely inherits them
        // compares equal whether or not the source spelled them out.
        if (collation != null && collation.equals(tableCollation)) {
            collation = null;
        }
        if (charset != null && tableCollation != null && charset.equals(charsetOf(tableCollation))) {
            charset = null;
        }
        String generatedExpr = generated ? MySqlSqlText.stripSchema(generation, row.get("TABLE_SCHEMA")) : null;
        return new Column(name, type, "YES".equals(row.get("IS_NULLABLE")), defaultExpr, identity,
                generatedExpr, stored, collation, charset, row.nonEmpty("COLUMN_COMMENT"), null);
    }

    /** The character set a collation belongs to: its name up to the first underscore ({@code utf8mb4_bin}). */
    static String charsetOf(String collation) {
        if (collation == null) {
            return null;
        }
        int underscore = collation.indexOf('_');
        return underscore < 0 ? collation : collation.substring(0, underscore);
    }
}

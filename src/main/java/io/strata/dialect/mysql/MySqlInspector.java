package io.strata.dialect.mysql;

import io.strata.dialect.Inspector;
import io.strata.dialect.mysql.MySqlCatalogRows.Row;
import io.strata.dialect.mysql.MySqlCatalogRows.TableKey;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.DefinedObject;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySqlInspector reads MySQL and MariaDB databases into a {@link Catalog} with one information_schema
 * query per object kind, whatever the number of tables (plus one SHOW CREATE per function or procedure, whose
 * text information_schema does not hold whole). Besides the model's own fields it records
 * these {@link Table#options()}: {@code engine}, {@code charset}, {@code collation}, {@code row_format}
 * (only when the DDL set one) and {@code on_update.<column>} (a column's ON UPDATE expression).
 */
public final class MySqlInspector implements Inspector {

    private static final MySqlQuoter QUOTER = new MySqlQuoter();

    private static final Pattern ROW_FORMAT = Pattern.compile("(?i)row_format=(\\w+)");

    /** Queries issued so far; tests hold the inspector to a count that does not grow with the tables. */
    final AtomicInteger queries = new AtomicInteger();

    int queryCount() {
        return queries.get();
    }

    @Override
    public Catalog inspect(Connection connection, List<String> schemas) {
        MySqlCatalogRows server = new MySqlCatalogRows(connection, List.of(), queries);
        String version = server.value(MySqlCatalogQueries.VERSION);
        boolean mariaDb = version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
        List<String> names = schemas;
        if (names == null || names.isEmpty()) {
            String current = server.value(MySqlCatalogQueries.CURRENT_DATABASE);
            if (current == null) {
                throw StrataException.badInput("the connection has no current database: name one in the JDBC URL"
                        + " (jdbc:mariadb://host:3306/mydb) or pass the databases to inspect");
            }
            names = List.of(current);
        }
        MySqlCatalogRows info = new MySqlCatalogRows(connection, names, queries);

        List<Row> schemata = info.rows(MySqlCatalogQueries.SCHEMATA);
        List<String> missing = names.stream()
                .filter(n -> schemata.stream().noneMatch(r -> n.equals(r.get("SCHEMA_NAME")))).toList();
        if (!missing.isEmpty()) {
            throw StrataException.badInput("database \"" + String.join("\", \"", missing) + "\" does not exist");
        }
        List<Row> tableRows = info.rows(MySqlCatalogQueries.TABLES);
        Map<TableKey, String> collations = new LinkedHashMap<>();
        tableRows.forEach(r -> collations.put(r.table(), r.get("TABLE_COLLATION")));

        MySqlColumnReader.Result columns = MySqlColumnReader.read(info, collations, mariaDb);
        MySqlIndexReader.Result indexes = MySqlIndexReader.read(info);
        var foreignKeys = MySqlConstraintReader.foreignKeys(info);
        var checks = MySqlConstraintReader.checks(info, mariaDb);
        Map<String, List<View>> views = MySqlViewReader.read(info, columns.columns());
        Map<String, List<DefinedObject>> objects = MySqlDefinedObjectReader.read(info);

        Map<String, List<Table>> tables = new TreeMap<>();
        for (Row row : tableRows) {
            TableKey key = row.table();
            Table table = new Table(key.name(), columns.columns().getOrDefault(key, List.of()),
                    indexes.primaryKeys().get(key), List.of(), indexes.indexes().get(key), foreignKeys.get(key),
                    checks.get(key), row.nonEmpty("TABLE_COMMENT"),
                    options(row, columns.onUpdate().getOrDefault(key, Map.of())), null);
            tables.computeIfAbsent(key.schema(), k -> new ArrayList<>()).add(mariaDbJson(table));
        }
        List<Schema> out = schemata.stream()
                .map(r -> schema(r, tables.getOrDefault(r.get("SCHEMA_NAME"), List.of()),
                        views.getOrDefault(r.get("SCHEMA_NAME"), List.of()),
                        objects.getOrDefault(r.get("SCHEMA_NAME"), List.of())))
                .sorted(Comparator.comparing(Schema::name)).toList();
        return new Catalog(MySqlDialect.NAME, version, out, List.of());
    }

    private static Schema schema(Row row, List<Table> tables, List<View> views, List<DefinedObject> objects) {
        List<Table> sorted = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        List<View> sortedViews = views.stream().sorted(Comparator.comparing(View::name)).toList();
        return new Schema(row.get("SCHEMA_NAME"), sorted, sortedViews, List.of(), List.of(),
                row.nonEmpty("SCHEMA_COMMENT"), row.get("DEFAULT_CHARACTER_SET_NAME"),
                row.get("DEFAULT_COLLATION_NAME"), List.of(), objects);
    }

    private static Map<String, String> options(Row row, Map<String, String> onUpdate) {
        Map<String, String> options = new TreeMap<>();
        if (row.get("ENGINE") != null) {
            options.put("engine", row.get("ENGINE"));
        }
        String collation = row.get("TABLE_COLLATION");
        if (collation != null) {
            options.put("collation", collation);
            options.put("charset", MySqlColumnReader.charsetOf(collation));
        }
        Matcher rowFormat = ROW_FORMAT.matcher(row.get("CREATE_OPTIONS") == null ? "" : row.get("CREATE_OPTIONS"));
        if (rowFormat.find()) {
            options.put("row_format", rowFormat.group(1).toUpperCase(Locale.ROOT));
        }
        onUpdate.forEach((column, expr) -> options.put(MySqlColumnReader.ON_UPDATE_PREFIX + column, expr));
        return options;
    }

    /**
     * MariaDB's JSON is LONGTEXT plus a column check {@code json_valid(`col`)} named after the column.
     * Reading that pair back as one JSON column makes {@code json} in the source, the model and the
     * rendered DDL agree, and matches MySQL 8, where JSON is a type of its own.
     */
    private static Table mariaDbJson(Table table) {
        List<Check> checks = new ArrayList<>(table.checks());
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            String implicit = "json_valid(" + QUOTER.ident(column.name()) + ")";
            boolean json = column.type().name().equals("longtext")
                    && checks.removeIf(c -> c.name().equals(column.name()) && c.expression().equals(implicit));
            columns.add(json ? new Column(column.name(), new ColumnType.JsonType("json", false), column.nullable(),
                    column.defaultExpr(), column.identity(), column.generatedExpr(), column.generatedStored(),
                    null, null, column.comment(), null) : column);
        }
        return new Table(table.name(), columns, table.primaryKey(), table.uniques(), table.indexes(),
                table.foreignKeys(), checks, table.comment(), table.options(), table.renamedFrom());
    }
}

package io.strata.dialect.mysql;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySqlTableRenderer writes one table's CREATE TABLE statement: columns, primary key, indexes,
 * checks and table options, with unqualified names and without its foreign keys, which
 * {@link MySqlRenderer} adds once every table exists.
 */
final class MySqlTableRenderer {

    // Engines whose default index method is HASH, so a BTREE index there has to say so.
    private static final Set<String> HASH_ENGINES = Set.of("MEMORY", "HEAP");

    private final MySqlQuoter q;
    private final MySqlClauses clauses;

    MySqlTableRenderer(MySqlQuoter quoter) {
        this.q = quoter;
        this.clauses = new MySqlClauses(quoter);
    }

    String createTable(Table table) {
        List<String> lines = new ArrayList<>();
        for (Column column : table.columns()) {
            lines.add(column(column, table.options().get(MySqlColumnReader.ON_UPDATE_PREFIX + column.name())));
        }
        if (table.primaryKey() != null) {
            lines.add(primaryKey(table.primaryKey().columns()));
        }
        for (Index index : table.indexes()) {
            lines.add(index(index, table));
        }
        for (Check check : table.checks()) {
            lines.add(clauses.check(check));
        }
        return "CREATE TABLE " + q.ident(table.name()) + " (\n  " + String.join(",\n  ", lines) + "\n)"
                + tableOptions(table);
    }

    String column(Column c, String onUpdate) {
        StringBuilder sb = new StringBuilder(q.ident(c.name())).append(' ').append(typeSql(c.type()));
        if (c.charset() != null) {
            sb.append(" CHARACTER SET ").append(c.charset());
        }
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(c.collation());
        }
        if (c.generatedExpr() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generatedExpr()).append(c.generatedStored() ? ") STORED" : ") VIRTUAL");
            // MariaDB refuses NULL / NOT NULL on generated columns; MySQL 8 allows NOT NULL.
            if (!c.nullable()) {
                sb.append(" NOT NULL");
            }
        } else {
            // NULL is spelled out: an unmarked TIMESTAMP is NOT NULL on servers without explicit_defaults_for_timestamp.
            sb.append(c.nullable() ? " NULL" : " NOT NULL");
            if (c.defaultExpr() != null) {
                sb.append(" DEFAULT ").append(defaultValue(c.defaultExpr()));
            }
            if (onUpdate != null) {
                sb.append(" ON UPDATE ").append(onUpdate);
            }
            if (c.identity() != null) {
                sb.append(" AUTO_INCREMENT");
            }
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(q.literal(c.comment()));
        }
        return sb.toString();
    }

    /** A default as DDL writes it after DEFAULT: literals bare, expressions in parentheses. */
    static String defaultValue(String expr) {
        return MySqlDefaults.isLiteral(expr) ? expr : "(" + expr + ")";
    }

    /** The type as DDL writes it; ENUM and SET members go through the quoter so backslashes survive. */
    String typeSql(ColumnType type) {
        if (type instanceof ColumnType.EnumValues e) {
            return e.name() + e.values().stream().map(q::literal).collect(Collectors.joining(",", "(", ")"));
        }
        return type.sql();
    }

    String primaryKey(List<String> columns) {
        return "PRIMARY KEY (" + clauses.identList(columns) + ")";
    }

    /** The index clause ({@code UNIQUE KEY `k` (`a`)}) as it appears inside CREATE TABLE or after ALTER TABLE ... ADD. */
    String index(Index index, Table table) {
        boolean hashEngine = HASH_ENGINES.contains(table.options().getOrDefault("engine", "").toUpperCase(Locale.ROOT));
        String method = index.method() == null ? "" : index.method().toUpperCase(Locale.ROOT);
        String kind = switch (method) {
            case "FULLTEXT" -> "FULLTEXT KEY ";
            case "SPATIAL" -> "SPATIAL KEY ";
            default -> index.unique() ? "UNIQUE KEY " : "KEY ";
        };
        StringBuilder sb = new StringBuilder(kind).append(q.ident(index.name())).append(" (")
                .append(index.parts().stream().map(this::part).collect(Collectors.joining(", "))).append(')');
        if (method.equals("HASH") || method.equals("BTREE") && hashEngine) {
            sb.append(" USING ").append(method);
        }
        if (index.comment() != null) {
            sb.append(" COMMENT ").append(q.literal(index.comment()));
        }
        return sb.toString();
    }

    private String part(IndexPart part) {
        String text = part.column() != null ? q.ident(part.column()) : "(" + part.expression() + ")";
        if (part.prefixLength() != null) {
            text += "(" + part.prefixLength() + ")";
        }
        return part.descending() ? text + " DESC" : text;
    }

    /** The table options as CREATE TABLE ends with them ({@code " ENGINE=InnoDB DEFAULT CHARSET=..."}), or "". */
    String tableOptions(Table table) {
        StringBuilder sb = new StringBuilder();
        String engine = table.options().get("engine");
        if (engine != null) {
            sb.append(" ENGINE=").append(engine);
        }
        if (table.options().get("charset") != null) {
            sb.append(" DEFAULT CHARSET=").append(table.options().get("charset"));
        }
        if (table.options().get("collation") != null) {
            sb.append(" COLLATE=").append(table.options().get("collation"));
        }
        if (table.options().get("row_format") != null) {
            sb.append(" ROW_FORMAT=").append(table.options().get("row_format"));
        }
        if (table.comment() != null) {
            sb.append(" COMMENT=").append(q.literal(table.comment()));
        }
        return sb.toString();
    }
}

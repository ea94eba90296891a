package io.strata.dialect.mysql;

import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.Schema;
import io.strata.model.View;

import java.util.List;
import java.util.stream.Collectors;

/**
 * MySqlClauses writes the DDL pieces that both the renderer (whole databases) and the planner (one
 * change at a time) need: foreign key and check clauses, view statements, database defaults, and every
 * {@code ALTER TABLE} statement, which is written nowhere else. Specs are passed without a leading blank
 * and may list several, comma-separated; the planner appends the algorithm clause to the statement.
 */
final class MySqlClauses {

    private final MySqlQuoter q;

    MySqlClauses(MySqlQuoter quoter) {
        this.q = quoter;
    }

    // ---- ALTER TABLE

    /** {@code ALTER TABLE `table` spec}. */
    String alterTable(String table, String spec) {
        return "ALTER TABLE " + q.ident(table) + " " + spec;
    }

    /** ADD COLUMN with {@code definition} as {@link MySqlTableRenderer#column} writes it, and its position if any. */
    String addColumn(String table, String definition) {
        return alterTable(table, "ADD COLUMN " + definition);
    }

    String dropColumn(String table, String column) {
        return alterTable(table, "DROP COLUMN " + q.ident(column));
    }

    /** MODIFY COLUMN, which restates the whole definition. */
    String modifyColumn(String table, String definition) {
        return alterTable(table, "MODIFY COLUMN " + definition);
    }

    String addForeignKey(String table, ForeignKey fk) {
        return alterTable(table, "ADD " + foreignKey(fk));
    }

    String dropForeignKey(String table, String name) {
        return alterTable(table, "DROP FOREIGN KEY " + q.ident(name));
    }

    String addCheck(String table, Check check) {
        return alterTable(table, "ADD " + check(check));
    }

    String dropConstraint(String table, String name) {
        return alterTable(table, "DROP CONSTRAINT " + q.ident(name));
    }

    String dropPrimaryKey(String table) {
        return alterTable(table, "DROP PRIMARY KEY");
    }

    // ---- clauses

    String foreignKey(ForeignKey fk) {
        StringBuilder sb = new StringBuilder("CONSTRAINT ").append(q.ident(fk.name())).append(" FOREIGN KEY (")
                .append(identList(fk.columns())).append(") REFERENCES ").append(q.qualified(fk.refSchema(), fk.refTable()))
                .append(" (").append(identList(fk.refColumns())).append(')');
        if (fk.onDelete() != null) {
            sb.append(" ON DELETE ").append(fk.onDelete());
        }
        if (fk.onUpdate() != null) {
            sb.append(" ON UPDATE ").append(fk.onUpdate());
        }
        return sb.toString();
    }

    String check(Check check) {
        return "CONSTRAINT " + q.ident(check.name()) + " CHECK (" + check.expression() + ")";
    }

    String identList(List<String> names) {
        return names.stream().map(q::ident).collect(Collectors.joining(", "));
    }

    String createView(View view) {
        return "CREATE VIEW " + q.ident(view.name()) + " AS " + view.definition();
    }

    String dropView(String name) {
        return "DROP VIEW " + q.ident(name);
    }

    /** {@code ALTER DATABASE} options for the schema's defaults ({@code " CHARACTER SET utf8mb4 ..."}), or "". */
    String databaseDefaults(Schema schema) {
        StringBuilder sb = new StringBuilder();
        if (schema.charset() != null) {
            sb.append(" CHARACTER SET ").append(schema.charset());
        }
        if (schema.collation() != null) {
            sb.append(" COLLATE ").append(schema.collation());
        }
        if (schema.comment() != null) {
            // MariaDB only: MySQL databases have no comments, so a MySQL catalog never carries one.
            sb.append(" COMMENT ").append(q.literal(schema.comment()));
        }
        return sb.toString();
    }
}

package io.strata.dialect.postgres;

import io.strata.error.StrataException;
import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.Table;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgresClauses writes the DDL pieces that both the renderer (whole catalogs) and the planner (one
 * change at a time) need: constraint clauses, and every {@code ALTER TABLE} statement, which is written
 * nowhere else. Clauses are passed without a leading blank; tables are named by schema and name and
 * quoted here.
 */
final class PostgresClauses {

    private static final Set<String> FK_ACTIONS = Set.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT");
    private static final Set<String> DEFERRABILITY = Set.of(
            "NOT DEFERRABLE", "DEFERRABLE", "DEFERRABLE INITIALLY IMMEDIATE", "DEFERRABLE INITIALLY DEFERRED");

    private final PostgresQuoter quoter;

    PostgresClauses(PostgresQuoter quoter) {
        this.quoter = quoter;
    }

    // ---- ALTER TABLE

    String alterTable(String schema, String table, String clause) {
        return "ALTER TABLE " + quoter.qualified(schema, table) + " " + clause;
    }

    String alterColumn(String schema, String table, String column, String clause) {
        return alterTable(schema, table, "ALTER COLUMN " + quoter.ident(column) + " " + clause);
    }

    /** ADD COLUMN with {@code definition} as {@link PostgresTableRenderer#column} writes it. */
    String addColumn(String schema, String table, String definition) {
        return alterTable(schema, table, "ADD COLUMN " + definition);
    }

    String dropColumn(String schema, String table, String column) {
        return alterTable(schema, table, "DROP COLUMN " + quoter.ident(column));
    }

    /** DROP COLUMN on the table alone: inheriting children that have the column keep it as their own. */
    String dropColumnOnly(String schema, String table, String column) {
        return "ALTER TABLE ONLY " + quoter.qualified(schema, table) + " DROP COLUMN " + quoter.ident(column);
    }

    String renameColumn(String schema, String table, String from, String to) {
        return alterTable(schema, table, "RENAME COLUMN " + quoter.ident(from) + " TO " + quoter.ident(to));
    }

    String renameTable(String schema, String from, String to) {
        return alterTable(schema, from, "RENAME TO " + quoter.ident(to));
    }

    /** ADD {@code definition}, a constraint clause such as {@link #check} writes. */
    String addConstraint(String schema, String table, String definition) {
        return alterTable(schema, table, "ADD " + definition);
    }

    String addForeignKey(String schema, String table, ForeignKey fk) {
        return addConstraint(schema, table, foreignKey(fk));
    }

    String dropConstraint(String schema, String table, String name) {
        return alterTable(schema, table, "DROP CONSTRAINT " + quoter.ident(name));
    }

    String validateConstraint(String schema, String table, String name) {
        return alterTable(schema, table, "VALIDATE CONSTRAINT " + quoter.ident(name));
    }

    /** ATTACH PARTITION; {@code parent} and {@code partition} are quoted, qualified names, as table options hold them. */
    String attachPartition(String parent, String partition, String bound) {
        return "ALTER TABLE " + parent + " ATTACH PARTITION " + partition + " " + bound;
    }

    /** DETACH PARTITION; {@code parent} and {@code partition} are quoted, qualified names, as table options hold them. */
    String detachPartition(String parent, String partition) {
        return "ALTER TABLE " + parent + " DETACH PARTITION " + partition;
    }

    // ---- constraint clauses

    /** {@code CONSTRAINT "name" body}. */
    String constraint(String name, String body) {
        return "CONSTRAINT " + quoter.ident(name) + " " + body;
    }

    /**
     * A primary key or unique constraint on {@code table}; {@code kind} is {@code PRIMARY KEY} or
     * {@code UNIQUE}, and the table's options say whether it is deferrable.
     */
    String key(Table table, String name, List<String> columns, String kind, boolean nullsNotDistinct) {
        return constraint(name, kind + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "") + " (" + identList(columns) + ")"
                + deferrable(table, name));
    }

    String check(Check check) {
        return constraint(check.name(), "CHECK (" + check.expression() + ")" + (check.noInherit() ? " NO INHERIT" : ""));
    }

    String foreignKey(ForeignKey fk) {
        StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(identList(fk.columns())).append(") REFERENCES ")
                .append(quoter.qualified(fk.refSchema(), fk.refTable()))
                .append(" (").append(identList(fk.refColumns())).append(')');
        if (fk.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(checked(fk.onUpdate(), FK_ACTIONS, fk.name()));
        }
        if (fk.onDelete() != null) {
            sql.append(" ON DELETE ").append(checked(fk.onDelete(), FK_ACTIONS, fk.name()));
        }
        if (fk.deferrable() != null) {
            sql.append(' ').append(checked(fk.deferrable(), DEFERRABILITY, fk.name()));
        }
        return constraint(fk.name(), sql.toString());
    }

    /** Changes a foreign key's deferrability in place; {@code deferrability} is one of the model's three values. */
    String alterConstraint(String schema, String table, String name, String deferrability) {
        return alterTable(schema, table, "ALTER CONSTRAINT " + quoter.ident(name) + " "
                + checked(deferrability, DEFERRABILITY, name));
    }

    /** {@code " DEFERRABLE ..."} when {@code table}'s options make {@code constraint} deferrable, else "". */
    String deferrable(Table table, String constraint) {
        String value = table.options().get(PostgresInspector.DEFERRABLE_PREFIX + constraint);
        return value == null ? "" : " " + checked(value, DEFERRABILITY, constraint);
    }

    String identList(List<String> names) {
        return names.stream().map(quoter::ident).collect(Collectors.joining(", "));
    }

    private static String checked(String value, Set<String> allowed, String constraint) {
        return checkedSetting(value, allowed, "constraint \"" + constraint + "\"");
    }

    /** Keywords from the model are checked against their closed set, so no free text reaches the SQL as a keyword. */
    static String checkedSetting(String value, Set<String> allowed, String owner) {
        if (!allowed.contains(value)) {
            throw StrataException.badInput(owner + " has \"" + value + "\", expected one of "
                    + allowed.stream().sorted().toList());
        }
        return value;
    }
}

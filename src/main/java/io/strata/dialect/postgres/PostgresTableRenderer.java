package io.strata.dialect.postgres;

import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.EnumRef;
import io.strata.model.Identity;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PostgresTableRenderer writes one table's CREATE TABLE statement: columns, primary key, unique, check
 * and exclusion constraints, partitioning and inheritance, without its indexes and foreign keys, which
 * {@link PostgresRenderer} adds once every table exists.
 */
final class PostgresTableRenderer {

    private final PostgresQuoter quoter;
    private final PostgresClauses clauses;

    PostgresTableRenderer(PostgresQuoter quoter) {
        this.quoter = quoter;
        this.clauses = new PostgresClauses(quoter);
    }

    /** CREATE TABLE in {@code schema}; {@code parents} are the tables it inherits from or is a partition of. */
    String createTable(String schema, Table t, List<Table> parents) {
        Map<String, String> options = t.options();
        String partitionOf = options.get("partition_of");
        List<String> elements = new ArrayList<>();
        for (Column c : t.columns()) {
            if (parents.stream().noneMatch(p -> p.column(c.name()).isPresent())) {
                elements.add(column(c));
            }
        }
        if (t.primaryKey() != null) {
            elements.add(clauses.key(t, t.primaryKey().name(), t.primaryKey().columns(), "PRIMARY KEY", false));
        }
        for (UniqueConstraint u : t.uniques()) {
            elements.add(clauses.key(t, u.name(), u.columns(), "UNIQUE", u.nullsNotDistinct()));
        }
        for (Check c : t.checks()) {
            elements.add(clauses.check(c));
        }
        options.entrySet().stream()
                .filter(e -> e.getKey().startsWith(PostgresInspector.EXCLUSION_PREFIX))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> elements.add(clauses.constraint(
                        e.getKey().substring(PostgresInspector.EXCLUSION_PREFIX.length()), e.getValue())));

        StringBuilder sql = new StringBuilder("CREATE ");
        if ("unlogged".equals(options.get("persistence"))) {
            sql.append("UNLOGGED ");
        }
        sql.append("TABLE ").append(quoter.qualified(schema, t.name()));
        if (partitionOf != null) {
            sql.append(" PARTITION OF ").append(partitionOf);
            if (!elements.isEmpty()) {
                sql.append(" (\n    ").append(String.join(",\n    ", elements)).append("\n)");
            }
            sql.append(" ").append(options.getOrDefault("partition_bound", "DEFAULT"));
        } else {
            sql.append(elements.isEmpty() ? " ()" : " (\n    " + String.join(",\n    ", elements) + "\n)");
            if (options.containsKey("inherits")) {
                sql.append(" INHERITS (").append(options.get("inherits")).append(")");
            }
        }
        if (options.containsKey("partition_by")) {
            sql.append(" PARTITION BY ").append(options.get("partition_by"));
        }
        return sql.toString();
    }

    /** An inherited column takes its parent's default and nullability; these statements restore the child's own. */
    List<String> inheritedColumnChanges(String schema, Table t, List<Table> parents) {
        List<String> out = new ArrayList<>();
        for (Column c : t.columns()) {
            Column inherited = parents.stream().flatMap(p -> p.column(c.name()).stream()).findFirst().orElse(null);
            if (inherited == null || c.identity() != null || c.generatedExpr() != null) {
                continue;
            }
            if (!Objects.equals(c.defaultExpr(), inherited.defaultExpr())) {
                out.add(clauses.alterColumn(schema, t.name(), c.name(),
                        c.defaultExpr() == null ? "DROP DEFAULT" : "SET DEFAULT " + c.defaultExpr()));
            }
            if (!c.nullable() && inherited.nullable()) {
                out.add(clauses.alterColumn(schema, t.name(), c.name(), "SET NOT NULL"));
            }
        }
        return out;
    }

    /** A column's definition as CREATE TABLE and ADD COLUMN write it. */
    String column(Column c) {
        StringBuilder sql = new StringBuilder(quoter.ident(c.name())).append(' ').append(typeSql(c.type()));
        if (c.collation() != null) {
            sql.append(" COLLATE ").append(c.collation().startsWith("\"") ? c.collation() : quoter.ident(c.collation()));
        }
        if (c.generatedExpr() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.generatedExpr()).append(c.generatedStored() ? ") STORED" : ") VIRTUAL");
        }
        Identity id = c.identity();
        if (id != null) {
            sql.append(Identity.ALWAYS.equals(id.kind()) ? " GENERATED ALWAYS" : " GENERATED BY DEFAULT")
                    .append(" AS IDENTITY (").append(identityOptions(id)).append(')');
        }
        if (c.defaultExpr() != null) {
            sql.append(" DEFAULT ").append(c.defaultExpr());
        }
        if (!c.nullable() && id == null) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** The sequence options of an identity, as {@code GENERATED ... AS IDENTITY (...)} takes them. */
    static String identityOptions(Identity id) {
        StringBuilder sql = new StringBuilder("START WITH ").append(id.start()).append(" INCREMENT BY ").append(id.increment());
        if (id.effectiveMin() != null) {
            sql.append(" MINVALUE ").append(id.effectiveMin());
        }
        if (id.effectiveMax() != null) {
            sql.append(" MAXVALUE ").append(id.effectiveMax());
        }
        if (id.cache() != 1) {
            sql.append(" CACHE ").append(id.cache());
        }
        if (id.cycle()) {
            sql.append(" CYCLE");
        }
        return sql.toString();
    }

    /**
     * The options of {@code ALTER COLUMN ... SET GENERATED ...} that bring an identity's sequence to {@code id}:
     * every option is set, defaults included, since the sequence keeps whatever it had before.
     */
    static String setIdentityOptions(Identity id) {
        Long min = id.effectiveMin();
        Long max = id.effectiveMax();
        return "SET START WITH " + id.start() + " SET INCREMENT BY " + id.increment()
                + (min == null ? " SET NO MINVALUE" : " SET MINVALUE " + min)
                + (max == null ? " SET NO MAXVALUE" : " SET MAXVALUE " + max)
                + " SET CACHE " + id.cache() + (id.cycle() ? " SET CYCLE" : " SET NO CYCLE");
    }

    /** A column type as DDL writes it; enum names go through the quoter, the rest is the server's type text. */
    String typeSql(ColumnType type) {
        if (type instanceof EnumRef e) {
            return quoter.qualified(e.schema(), e.name());
        }
        if (type instanceof ArrayType a) {
            return typeSql(a.element()) + "[]";
        }
        return type.sql();
    }
}

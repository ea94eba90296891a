package io.strata.dialect.mysql;

import io.strata.dialect.DdlRenderer;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.ForeignKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySqlRenderer writes the DDL that rebuilds one MySQL/MariaDB database: the database defaults,
 * every table, then the foreign keys (so table order never matters), then the views in dependency
 * order. Names are unqualified, so the statements apply to whatever database the connection uses.
 */
public final class MySqlRenderer implements DdlRenderer {

    private final MySqlQuoter q;
    private final MySqlTableRenderer tables;

    public MySqlRenderer(MySqlQuoter quoter) {
        this.q = quoter;
        this.tables = new MySqlTableRenderer(quoter);
    }

    /** Statements for the catalog's one database; a catalog of several databases is a BAD_INPUT error. */
    @Override
    public List<String> createStatements(Catalog catalog) {
        if (catalog.schemas().size() > 1) {
            throw StrataException.badInput("the MySQL renderer writes one database at a time, but the catalog holds "
                    + catalog.schemas().size() + ": " + catalog.schemas().stream().map(Schema::name)
                    .collect(Collectors.joining(", ")));
        }
        return catalog.schemas().isEmpty() ? List.of() : createStatements(catalog.schemas().get(0));
    }

    List<String> createStatements(Schema schema) {
        List<String> out = new ArrayList<>();
        String defaults = databaseDefaults(schema);
        if (!defaults.isEmpty()) {
            out.add("ALTER DATABASE" + defaults);
        }
        for (Table table : schema.tables()) {
            out.add(tables.createTable(table));
        }
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                out.add("ALTER TABLE " + q.ident(table.name()) + " ADD " + foreignKey(fk));
            }
        }
        for (View view : viewsInDependencyOrder(schema.views())) {
            out.add("CREATE VIEW " + q.ident(view.name()) + " AS " + view.definition());
        }
        return out;
    }

    private String databaseDefaults(Schema schema) {
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

    private String foreignKey(ForeignKey fk) {
        StringBuilder sb = new StringBuilder("CONSTRAINT ").append(q.ident(fk.name())).append(" FOREIGN KEY (")
                .append(fk.columns().stream().map(q::ident).collect(Collectors.joining(", ")))
                .append(") REFERENCES ").append(q.qualified(fk.refSchema(), fk.refTable())).append(" (")
                .append(fk.refColumns().stream().map(q::ident).collect(Collectors.joining(", "))).append(')');
        if (fk.onDelete() != null) {
            sb.append(" ON DELETE ").append(fk.onDelete());
        }
        if (fk.onUpdate() != null) {
            sb.append(" ON UPDATE ").append(fk.onUpdate());
        }
        return sb.toString();
    }

    /**
     * Views ordered so each comes after the views its body names. A view's body refers to another as
     * {@code `name`}; a column that happens to share a view's name only adds a harmless edge, and a
     * cycle (impossible on a real server) falls back to name order.
     */
    private List<View> viewsInDependencyOrder(List<View> views) {
        Map<String, View> byName = new LinkedHashMap<>();
        views.forEach(v -> byName.put(v.name(), v));
        Set<String> done = new LinkedHashSet<>();
        for (View view : views) {
            visit(view, byName, done, new LinkedHashSet<>());
        }
        return done.stream().map(byName::get).toList();
    }

    private void visit(View view, Map<String, View> byName, Set<String> done, Set<String> path) {
        if (done.contains(view.name()) || !path.add(view.name())) {
            return;
        }
        for (View other : byName.values()) {
            if (other != view && view.definition().contains(q.ident(other.name()))) {
                visit(other, byName, done, path);
            }
        }
        done.add(view.name());
    }
}

package io.strata.dialect.mysql;

import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.Schema;
import io.strata.model.View;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySqlClauses writes the DDL pieces that both the renderer (whole databases) and the planner (one
 * change at a time) need: foreign key and check clauses, view statements and database defaults.
 */
final class MySqlClauses {

    private final MySqlQuoter q;

    MySqlClauses(MySqlQuoter quoter) {
        this.q = quoter;
    }

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

    /**
     * Views ordered so each comes after the views its body names. A view's body refers to another as
     * {@code `name`}; a column that happens to share a view's name only adds a harmless edge, and a
     * cycle (impossible on a real server) falls back to name order.
     */
    List<View> viewsInDependencyOrder(List<View> views) {
        Map<String, View> byName = new LinkedHashMap<>();
        views.forEach(v -> byName.put(v.name(), v));
        Set<String> done = new LinkedHashSet<>();
        for (View view : views) {
            visit(view, byName, done, new LinkedHashSet<>());
        }
        return done.stream().map(byName::get).toList();
    }

    /** Whether the view's body names {@code relation} (a table or another view). */
    boolean reads(View view, String relation) {
        return view.definition().contains(q.ident(relation));
    }

    private void visit(View view, Map<String, View> byName, Set<String> done, Set<String> path) {
        if (done.contains(view.name()) || !path.add(view.name())) {
            return;
        }
        for (View other : byName.values()) {
            if (other != view && reads(view, other.name())) {
                visit(other, byName, done, path);
            }
        }
        done.add(view.name());
    }
}

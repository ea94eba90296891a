package io.strata.dialect.mysql;

import io.strata.model.View;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySqlObjectOrder puts views in an order MySQL can create them in: each after the views its body names.
 * Tables need no order, since their foreign keys are added once every table exists.
 */
final class MySqlObjectOrder {

    private static final MySqlQuoter QUOTER = new MySqlQuoter();

    private MySqlObjectOrder() {
    }

    /**
     * {@code views} ordered so each comes after the views its body names. A view's body refers to another as
     * {@code `name`}; a column that happens to share a view's name only adds a harmless edge, and a
     * cycle (impossible on a real server) falls back to name order.
     */
    static List<View> views(List<View> views) {
        Map<String, View> byName = new LinkedHashMap<>();
        views.forEach(v -> byName.put(v.name(), v));
        Set<String> done = new LinkedHashSet<>();
        for (View view : views) {
            visit(view, byName, done, new LinkedHashSet<>());
        }
        return done.stream().map(byName::get).toList();
    }

    /** Whether a view's body ({@code definition}) names {@code relation}, a table or another view. */
    static boolean mentions(String definition, String relation) {
        return definition.contains(QUOTER.ident(relation));
    }

    private static void visit(View view, Map<String, View> byName, Set<String> done, Set<String> path) {
        if (done.contains(view.name()) || !path.add(view.name())) {
            return;
        }
        for (View other : byName.values()) {
            if (other != view && mentions(view.definition(), other.name())) {
                visit(other, byName, done, path);
            }
        }
        done.add(view.name());
    }
}

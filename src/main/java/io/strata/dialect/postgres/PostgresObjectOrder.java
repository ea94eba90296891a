package io.strata.dialect.postgres;

import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgresObjectOrder puts tables and views in an order PostgreSQL can create them in: parents before
 * the tables that inherit from them or are their partitions, and views after the views they read.
 */
final class PostgresObjectOrder {

    private PostgresObjectOrder() {
    }

    /** A table or view with the schema it lives in. */
    record Qualified<T>(String schema, T object) {
    }

    /** Every table of {@code catalog}, each after the tables named by its {@code inherits} / {@code partition_of}. */
    static List<Qualified<Table>> tables(Catalog catalog, PostgresQuoter quoter) {
        Map<String, Qualified<Table>> byName = new LinkedHashMap<>();
        for (Schema s : catalog.schemas()) {
            for (Table t : s.tables()) {
                byName.put(quoter.qualified(s.name(), t.name()), new Qualified<>(s.name(), t));
            }
        }
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        byName.forEach((key, q) -> deps.put(key, new LinkedHashSet<>(parents(q.object()))));
        return topological(byName, deps);
    }

    /** The quoted qualified names of a table's parents, from its options. */
    static List<String> parents(Table t) {
        String partitionOf = t.options().get("partition_of");
        if (partitionOf != null) {
            return List.of(partitionOf);
        }
        String inherits = t.options().get("inherits");
        return inherits == null ? List.of() : splitQualifiedList(inherits);
    }

    /**
     * Every view of {@code catalog}, each after the views its definition names. The server prints a
     * view's definition with the names it reads, so a name that appears as a whole word is taken as a
     * dependency; a false match only moves a view later, and a cycle falls back to name order.
     */
    static List<Qualified<View>> views(Catalog catalog) {
        Map<String, Qualified<View>> byName = new LinkedHashMap<>();
        for (Schema s : catalog.schemas()) {
            for (View v : s.views()) {
                byName.put(s.name() + "\u0000" + v.name(), new Qualified<>(s.name(), v));
            }
        }
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        byName.forEach((key, q) -> {
            Set<String> found = new LinkedHashSet<>();
            byName.forEach((otherKey, other) -> {
                if (!otherKey.equals(key) && mentions(q.object().definition(), other.object().name())) {
                    found.add(otherKey);
                }
            });
            deps.put(key, found);
        });
        return topological(byName, deps);
    }

    /** Whether {@code definition} mentions any of {@code names} as a whole word. */
    static boolean mentionsAny(String definition, java.util.Collection<String> names) {
        return names.stream().anyMatch(n -> mentions(definition, n));
    }

    static boolean mentions(String definition, String name) {
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
        return word.matcher(definition).find();
    }

    private static <T> List<T> topological(Map<String, T> byName, Map<String, Set<String>> deps) {
        List<T> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(byName.keySet());
        while (!pending.isEmpty()) {
            String next = pending.stream()
                    .filter(k -> deps.get(k).stream().allMatch(d -> done.contains(d) || !byName.containsKey(d)))
                    .findFirst().orElse(pending.get(0));
            pending.remove(next);
            done.add(next);
            out.add(byName.get(next));
        }
        return out;
    }

    /** Splits {@code "a"."b", "c"."d"} at the commas outside double quotes. */
    static List<String> splitQualifiedList(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : list.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}

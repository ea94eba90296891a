package io.strata.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Matching pairs the elements of an old and a new list by name, honouring explicit rename hints
 * of the new elements. Every element ends up in exactly one of added, dropped, or matched.
 *
 * @param <T> element type (table, column, view)
 */
record Matching<T>(List<T> dropped, List<T> added, List<Pair<T>> matched) {

    /** An old element and the new element it became; {@code renamed} when the names differ. */
    record Pair<T>(T from, T to, boolean renamed) {
    }

    static <T> Matching<T> of(List<T> from, List<T> to, Function<T, String> name, Function<T, String> renamedFrom) {
        Map<String, T> fromByName = Differ.byName(from, name);
        // Hints written as bare identifiers may differ in case from the catalog's names.
        Map<String, String> fromNameIgnoringCase = new java.util.HashMap<>();
        from.forEach(f -> fromNameIgnoringCase.putIfAbsent(name.apply(f).toLowerCase(java.util.Locale.ROOT), name.apply(f)));
        Set<String> newNames = new HashSet<>();
        to.forEach(t -> newNames.add(name.apply(t)));
        Set<String> consumed = new HashSet<>();
        List<T> added = new ArrayList<>();
        List<Pair<T>> matched = new ArrayList<>();
        for (T t : to) {
            String n = name.apply(t);
            String hint = renamedFrom.apply(t) == null ? null
                    : fromNameIgnoringCase.getOrDefault(renamedFrom.apply(t).toLowerCase(java.util.Locale.ROOT), renamedFrom.apply(t));
            if (fromByName.containsKey(n)) {
                matched.add(new Pair<>(fromByName.get(n), t, false));
                consumed.add(n);
            } else if (hint != null && fromByName.containsKey(hint) && !newNames.contains(hint) && !consumed.contains(hint)) {
                // The hint applies only while the old name is gone from the new version; comparing a
                // version with itself must not report the rename again.
                matched.add(new Pair<>(fromByName.get(hint), t, true));
                consumed.add(hint);
            } else {
                added.add(t);
            }
        }
        List<T> dropped = from.stream().filter(f -> !consumed.contains(name.apply(f))).toList();
        return new Matching<>(dropped, added, matched);
    }
}

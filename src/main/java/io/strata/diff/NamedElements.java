package io.strata.diff;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * NamedElements compares two lists of elements identified by name (constraints, indexes, enums,
 * sequences, collations), for which Strata has no rename hints. Two elements with the same name are
 * equal when their records are equal; record equality covers every other component.
 */
final class NamedElements {

    private NamedElements() {
    }

    static <T> void diff(List<T> from, List<T> to, Function<T, String> name,
                         Consumer<T> onDrop, Consumer<T> onAdd, BiConsumer<T, T> onModify) {
        Map<String, T> toByName = Differ.byName(to, name);
        Map<String, T> fromByName = Differ.byName(from, name);
        for (T a : from) {
            T b = toByName.get(name.apply(a));
            if (b == null) {
                onDrop.accept(a);
            } else if (!a.equals(b)) {
                onModify.accept(a, b);
            }
        }
        for (T b : to) {
            if (!fromByName.containsKey(name.apply(b))) {
                onAdd.accept(b);
            }
        }
    }
}

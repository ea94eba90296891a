package io.strata.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * ThreeWay holds the merge rule every format shares: a side that left a value as it was in the base
 * takes the other side's value; two equal values are one; anything else is a conflict, unless the
 * value can be merged piece by piece.
 */
final class ThreeWay {

    private ThreeWay() {
    }

    /** Merges an element that both sides changed differently, or returns null when it cannot (a conflict). */
    @FunctionalInterface
    interface Deep<V> {
        V merge(String object, V base, V ours, V theirs);
    }

    /**
     * How to merge a list of elements identified by a key.
     *
     * @param key        what identifies an element across the versions (a name, a field number)
     * @param definition what tells whether an element changed (compared with {@code equals})
     * @param object     the conflict's object path of an element
     * @param render     the short rendering of an element in a conflict
     * @param deep       merges an element both sides changed, or null when such elements always conflict
     */
    record Keyed<V>(Function<V, ?> key, Function<V, ?> definition, Function<V, String> object,
                    Function<V, String> render, Deep<V> deep) {

        /**
         * The merged list: ours' elements in ours' order, then those only theirs has, in theirs' order.
         * An element added on both sides differently conflicts; merging it with an empty base would
         * invent a definition neither side wrote.
         */
        List<V> merge(List<V> base, List<V> ours, List<V> theirs, Conflicts conflicts) {
            Map<Object, V> b = index(base);
            Map<Object, V> o = index(ours);
            Map<Object, V> t = index(theirs);
            Set<Object> keys = new LinkedHashSet<>(o.keySet());
            keys.addAll(t.keySet());
            List<V> out = new ArrayList<>();
            for (Object k : keys) {
                V merged = one(b.get(k), o.get(k), t.get(k), conflicts);
                if (merged != null) {
                    out.add(merged);
                }
            }
            return out;
        }

        private V one(V base, V ours, V theirs, Conflicts conflicts) {
            if (same(ours, theirs)) {
                return ours;
            }
            if (same(base, ours)) {
                return theirs;
            }
            if (same(base, theirs)) {
                return ours;
            }
            V any = ours != null ? ours : theirs;
            if (base != null && ours != null && theirs != null && deep != null) {
                V merged = deep.merge(object.apply(any), base, ours, theirs);
                if (merged != null) {
                    return merged;
                }
            }
            conflicts.add(object.apply(any), renderOrNull(base), renderOrNull(ours), renderOrNull(theirs),
                    Conflicts.describe(base, ours, theirs));
            return any;
        }

        private boolean same(V a, V b) {
            if (a == null || b == null) {
                return a == b;
            }
            return Objects.equals(definition.apply(a), definition.apply(b));
        }

        private String renderOrNull(V v) {
            return v == null ? null : render.apply(v);
        }

        private Map<Object, V> index(List<V> values) {
            Map<Object, V> byKey = new LinkedHashMap<>();
            for (V v : values) {
                byKey.putIfAbsent(key.apply(v), v);
            }
            return byKey;
        }
    }

    /** A single value (a comment, a package name, a primary key); null means absent. */
    static <T> T scalar(String object, T base, T ours, T theirs, Function<T, String> render, Conflicts conflicts) {
        if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
            return ours;
        }
        if (Objects.equals(base, ours)) {
            return theirs;
        }
        conflicts.add(object, base == null ? null : render.apply(base), ours == null ? null : render.apply(ours),
                theirs == null ? null : render.apply(theirs), Conflicts.describe(base, ours, theirs));
        return ours;
    }

    /**
     * A set kept in ours' order: ours' members, less those theirs removed, plus those theirs added.
     * Sets never conflict: a member is in or out, and each side's decision about it can be honoured.
     */
    static <T> List<T> set(List<T> base, List<T> ours, List<T> theirs) {
        Set<T> out = new LinkedHashSet<>(ours);
        for (T member : base) {
            if (!theirs.contains(member)) {
                out.remove(member);
            }
        }
        for (T member : theirs) {
            if (!base.contains(member)) {
                out.add(member);
            }
        }
        return new ArrayList<>(out);
    }

    /** A string-keyed map merged key by key, each entry a scalar. */
    static <T> Map<String, T> map(String object, Map<String, T> base, Map<String, T> ours, Map<String, T> theirs,
                                  Function<T, String> render, Conflicts conflicts) {
        Set<String> keys = new LinkedHashSet<>(ours.keySet());
        keys.addAll(theirs.keySet());
        Map<String, T> out = new LinkedHashMap<>();
        for (String k : keys) {
            T v = scalar(object + " " + k, base.get(k), ours.get(k), theirs.get(k), render, conflicts);
            if (v != null) {
                out.put(k, v);
            }
        }
        return out;
    }
}

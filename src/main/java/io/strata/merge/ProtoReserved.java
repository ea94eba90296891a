package io.strata.merge;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ReservedElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ProtoReserved merges {@code reserved} statements as one set of numbers, ranges and names: reserving
 * is additive, so each side's reservations are kept unless a side released one the other left alone.
 */
final class ProtoReserved {

    private ProtoReserved() {
    }

    /** Numbers and ranges in one statement, names in another, since protoc refuses a statement mixing them. */
    static List<ReservedElement> merge(Location at, List<ReservedElement> b, List<ReservedElement> o, List<ReservedElement> t) {
        List<Object> merged = ThreeWay.set(values(b), values(o), values(t));
        // keep a side's statements as written (with their comments) when the result is exactly that side's set
        if (Set.copyOf(merged).equals(Set.copyOf(values(o)))) {
            return o;
        }
        if (Set.copyOf(merged).equals(Set.copyOf(values(t)))) {
            return t;
        }
        List<Object> numbers = merged.stream().filter(v -> !(v instanceof String)).toList();
        List<Object> names = merged.stream().filter(v -> v instanceof String).toList();
        List<ReservedElement> out = new ArrayList<>();
        if (!numbers.isEmpty()) {
            out.add(new ReservedElement(at, "", numbers));
        }
        if (!names.isEmpty()) {
            out.add(new ReservedElement(at, "", names));
        }
        return out;
    }

    private static List<Object> values(List<ReservedElement> reserveds) {
        List<Object> out = new ArrayList<>();
        reserveds.forEach(r -> out.addAll(r.getValues()));
        return out;
    }
}

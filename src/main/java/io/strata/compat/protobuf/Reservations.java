package io.strata.compat.protobuf;

import com.squareup.wire.schema.internal.parser.ReservedElement;
import kotlin.ranges.IntRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Reservations reads {@code reserved} and {@code extensions} statements, whose values Wire gives as
 * numbers, {@code IntRange}s and names mixed in one list.
 */
final class Reservations {

    /** An inclusive range of numbers. */
    record Range(int first, int last) {
        boolean covers(Range other) {
            return first <= other.first && other.last <= last;
        }

        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + " to " + last;
        }
    }

    private Reservations() {
    }

    static List<Range> ranges(List<Object> values) {
        List<Range> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Integer i) {
                out.add(new Range(i, i));
            } else if (v instanceof IntRange r) {
                out.add(new Range(r.getFirst(), r.getLast()));
            }
        }
        return out;
    }

    static List<Range> numbers(List<ReservedElement> reserveds) {
        List<Range> out = new ArrayList<>();
        reserveds.forEach(r -> out.addAll(ranges(r.getValues())));
        return out;
    }

    static List<String> names(List<ReservedElement> reserveds) {
        List<String> out = new ArrayList<>();
        reserveds.forEach(r -> r.getValues().stream().filter(String.class::isInstance).map(String.class::cast)
                .forEach(out::add));
        return out;
    }

    static boolean covers(List<Range> ranges, int number) {
        return ranges.stream().anyMatch(r -> r.first <= number && number <= r.last);
    }

    static boolean covers(List<Range> ranges, Range range) {
        return ranges.stream().anyMatch(r -> r.covers(range));
    }
}

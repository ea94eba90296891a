package io.strata.merge;

import java.util.Objects;

/**
 * A MergeConflict is one object that the two sides of a three-way merge changed in two different ways.
 *
 * @param object  where it is: {@code shop.orders.total}, {@code record Order field email},
 *                {@code /properties/email/type}, {@code message Order field 3}
 * @param base    a short rendering of the object in the common ancestor, or null when absent there
 * @param ours    the same in the main line's head, or null when ours removed it
 * @param theirs  the same in the branch's head, or null when theirs removed it
 * @param message what happened, in words
 */
public record MergeConflict(String object, String base, String ours, String theirs, String message) {
    public MergeConflict {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(message, "message");
    }
}

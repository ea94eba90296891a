package io.strata.merge;

import java.util.ArrayList;
import java.util.List;

/** Conflicts collects the conflicts of one merge in the order the merge meets them. */
final class Conflicts {

    private final List<MergeConflict> found = new ArrayList<>();

    void add(String object, String base, String ours, String theirs, String message) {
        found.add(new MergeConflict(object, base, ours, theirs, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<MergeConflict> list() {
        return List.copyOf(found);
    }

    /** Why both sides' versions of an object cannot both be kept, from which of them are absent. */
    static String describe(Object base, Object ours, Object theirs) {
        if (base == null) {
            return "added differently on both sides";
        }
        if (ours == null) {
            return "removed on our side, changed on theirs";
        }
        if (theirs == null) {
            return "changed on our side, removed on theirs";
        }
        return "changed differently on both sides";
    }
}

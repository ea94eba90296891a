package io.strata.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Imports supports the last step of a record-format merge: validating the merged text as the sides were. */
final class Imports {

    /** The conflict object of a merged schema that does not parse although every piece merged. */
    static final String WHOLE_SCHEMA = "schema";

    private Imports() {
    }

    /** The files both sides import; where both name a path, ours wins (a differing import is not merged). */
    static Map<String, String> both(Map<String, String> ours, Map<String, String> theirs) {
        Map<String, String> out = new HashMap<>(theirs);
        out.putAll(ours);
        return out;
    }

    /**
     * Pieces merged cleanly but the whole does not parse (e.g. each side added a field of the same name
     * under a different number): that is a conflict too, which only a person can resolve.
     */
    static MergeOutcome invalid(String message) {
        return new MergeOutcome.Conflicted(List.of(new MergeConflict(WHOLE_SCHEMA, null, null, null, message)));
    }
}

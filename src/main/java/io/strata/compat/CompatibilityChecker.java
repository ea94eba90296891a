package io.strata.compat;

import io.strata.compat.relational.RelationalRules;
import io.strata.model.change.SchemaChange;

import java.util.List;
import java.util.function.Function;

/**
 * CompatibilityChecker is the relational primitive handed to {@link Levels}: the changes from an earlier
 * version to the new one, classified by their effect on all four roles. One classification answers both
 * directions at once, so the directions Levels asks in only decide which roles count.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * Checks relational changes.
     *
     * @param againstEarlier oldest first; each element the labelled changes from that version to the
     *                       newest version, computed by the caller
     * @param dialect        {@code postgres} or {@code mysql}, for the per-dialect type rules
     */
    public static CompatibilityResult check(CompatibilityLevel level, List<LabelledChanges> againstEarlier,
                                            String dialect) {
        return check(level, againstEarlier, LabelledChanges::from, newest(againstEarlier), LabelledChanges::changes,
                dialect);
    }

    /**
     * Checks a relational history of any kind of version, diffing only the versions the level compares.
     *
     * @param history     oldest first, without the new version
     * @param changesToNew the changes from an earlier version to the new one (the caller diffs: compat has no differ)
     * @param dialect     {@code postgres} or {@code mysql}, for the per-dialect type rules
     */
    public static <V> CompatibilityResult check(CompatibilityLevel level, List<V> history,
                                                Function<? super V, String> label, String newLabel,
                                                Function<? super V, List<SchemaChange>> changesToNew, String dialect) {
        RelationalRules.requireDialect(dialect);
        return Levels.check(level, history, label, newLabel,
                (earlier, directions) -> RelationalRules.classify(dialect, changesToNew.apply(earlier)));
    }

    /** Checks with any format's classifier; DATA_DEPENDENT effects are reported but never fail the check. */
    public static CompatibilityResult check(CompatibilityLevel level, List<LabelledChanges> againstEarlier,
                                            ChangeClassifier classifier) {
        return Levels.check(level, againstEarlier, LabelledChanges::from, newest(againstEarlier),
                (earlier, directions) -> classifier.classify(earlier.changes()));
    }

    /** The new version's label: every element of a history of changes ends at it. */
    private static String newest(List<LabelledChanges> againstEarlier) {
        return againstEarlier.isEmpty() ? "" : againstEarlier.get(againstEarlier.size() - 1).to();
    }
}

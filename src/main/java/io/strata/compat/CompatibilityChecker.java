package io.strata.compat;

import io.strata.compat.relational.RelationalRules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CompatibilityChecker composes a level from the classification primitive: which earlier versions to
 * compare with (the latest, or all of them for transitive levels) and which roles must survive.
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
        RelationalRules.requireDialect(dialect);
        return check(level, againstEarlier, changes -> RelationalRules.classify(dialect, changes));
    }

    /** Checks with any format's classifier; DATA_DEPENDENT effects are reported but never fail the check. */
    public static CompatibilityResult check(CompatibilityLevel level, List<LabelledChanges> againstEarlier,
                                            ChangeClassifier classifier) {
        List<VersionComparison> comparisons = new ArrayList<>();
        for (LabelledChanges earlier : versionsToCompare(level, againstEarlier)) {
            List<Finding> findings = classifier.classify(earlier.changes());
            boolean compatible = findings.stream().noneMatch(f -> f.breaksAny(level.requiredRoles()));
            comparisons.add(new VersionComparison(earlier.from(), earlier.to(), findings, compatible));
        }
        boolean compatible = comparisons.stream().allMatch(VersionComparison::compatible);
        return new CompatibilityResult(level, compatible, comparisons);
    }

    /** The latest earlier version, or every earlier version newest first when the level is transitive. */
    private static List<LabelledChanges> versionsToCompare(CompatibilityLevel level, List<LabelledChanges> earlier) {
        if (earlier.isEmpty()) {
            return List.of();
        }
        if (!level.transitive()) {
            return List.of(earlier.get(earlier.size() - 1));
        }
        List<LabelledChanges> newestFirst = new ArrayList<>(earlier);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}

package io.strata.compat;

import java.util.List;
import java.util.Objects;

/**
 * A CompatibilityResult is the answer to checking one new version against the earlier versions its level
 * requires: compatible when every comparison is.
 *
 * @param level       the level checked
 * @param compatible  whether every comparison is compatible
 * @param comparisons the comparisons made: the latest earlier version only, or (transitive levels) every
 *                    earlier version, newest first
 */
public record CompatibilityResult(CompatibilityLevel level, boolean compatible, List<VersionComparison> comparisons) {

    public CompatibilityResult {
        Objects.requireNonNull(level, "level");
        comparisons = List.copyOf(comparisons);
    }

    /** All findings of all comparisons, in comparison order. */
    public List<Finding> findings() {
        return comparisons.stream().flatMap(c -> c.findings().stream()).toList();
    }

    /** The findings that make the result incompatible: those that break a role the level requires. */
    public List<Finding> breaking() {
        return findings().stream().filter(f -> f.breaksAny(level.requiredRoles())).toList();
    }
}

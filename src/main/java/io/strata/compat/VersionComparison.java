package io.strata.compat;

import java.util.List;
import java.util.Objects;

/**
 * A VersionComparison is the classification of the changes between one earlier version and the checked
 * version, and whether the level's required roles survive them.
 *
 * @param from       label of the earlier version
 * @param to         label of the checked (newest) version
 * @param findings   one or more findings per change, in change order
 * @param compatible whether no finding breaks a role the level requires
 */
public record VersionComparison(String from, String to, List<Finding> findings, boolean compatible) {
    public VersionComparison {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        findings = List.copyOf(findings);
    }
}

package io.strata.rollout.drift;

import java.time.Instant;
import java.util.List;

/**
 * A DriftReport is the latest check of an environment: the subject and version its history says it is at, the typed
 * differences between the live schema and that version, and the plan back to it.
 *
 * @param subject     null when Strata never rolled a version out there (nothing to compare with)
 * @param differences what the live schema has that the version has not, or lacks, with the roles each breaks
 * @param note        why nothing was compared (no version rolled out, a phased rollout half way), or what makes the
 *                    comparison less exact (the version replayed on a server of another major than the environment's),
 *                    or null
 * @param repair      the plan from the live schema back to that version; null when there is no version to go
 *                    back to, or for a report stored before the plan was kept with it
 */
public record DriftReport(String environment, String subject, Integer version, List<DriftChange> differences, String note,
                          RepairPlan repair, Instant checkedAt) {

    public DriftReport {
        differences = List.copyOf(differences);
    }

    /** How many differences were found. */
    public int changes() {
        return differences.size();
    }

    public boolean drifted() {
        return !differences.isEmpty();
    }
}

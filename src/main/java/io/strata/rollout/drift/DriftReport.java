package io.strata.rollout.drift;

import java.time.Instant;

/**
 * A DriftReport is the latest check of an environment: the subject and version its history says it is at,
 * how many typed changes separate the live schema from that version, and those changes as JSON.
 *
 * @param subject null when Strata never rolled a version out there (nothing to compare with)
 * @param repair  the plan from the live schema back to that version, as JSON ({@code statements}, {@code phases},
 *                {@code destructive}); null when there is no version to go back to, or for a report stored
 *                before the plan was kept with it
 */
public record DriftReport(String environment, String subject, Integer version, int changes, String report, String repair,
                          Instant checkedAt) {

    public boolean drifted() {
        return changes > 0;
    }
}

package io.strata.rollout;

import java.time.Instant;

/**
 * A DriftReport is the latest check of an environment: the subject and version its history says it is at,
 * how many typed changes separate the live schema from that version, and those changes as JSON.
 *
 * @param subject null when Strata never rolled a version out there (nothing to compare with)
 */
public record DriftReport(String environment, String subject, Integer version, int changes, String report, Instant checkedAt) {

    public boolean drifted() {
        return changes > 0;
    }
}

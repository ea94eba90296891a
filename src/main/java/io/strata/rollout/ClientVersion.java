package io.strata.rollout;

import java.time.Instant;

/**
 * A ClientVersion is one running application instance's report: in {@code environment} it reads
 * {@code subject} at version {@code reads} and writes it at version {@code writes}, as of {@code lastSeen}.
 */
public record ClientVersion(String environment, String subject, String service, String instance, int reads, int writes,
                            Instant lastSeen) {

    /** Whether this client still uses a version older than {@code version}. */
    public boolean olderThan(int version) {
        return reads < version || writes < version;
    }
}

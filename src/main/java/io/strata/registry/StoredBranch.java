package io.strata.registry;

import java.time.Instant;

/**
 * A StoredBranch forks a subject's main line at {@code baseVersion}.
 *
 * @param state {@code OPEN} or {@code MERGED}
 */
public record StoredBranch(long subjectId, String name, int baseVersion, String state, Instant createdAt) {
}

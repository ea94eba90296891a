package io.strata.registry;

import java.time.Instant;

/**
 * A Branch forks a subject's main line at {@code baseVersion}.
 *
 * @param state {@code OPEN} or {@code MERGED}
 */
public record Branch(long subjectId, String name, int baseVersion, String state, Instant createdAt) {
}

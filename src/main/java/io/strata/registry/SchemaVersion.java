package io.strata.registry;

import java.time.Instant;

/**
 * A SchemaVersion is one immutable version of a subject on one of its branches ({@code main} unless forked).
 *
 * @param id      the global id, unique across subjects and servers
 * @param version the number within the subject's branch, from 1
 */
public record SchemaVersion(long id, long subjectId, String subject, String branch, int version, String semver,
                            String fingerprint, String schema, String canonical, String author, String message,
                            boolean deleted, Instant createdAt) {
}

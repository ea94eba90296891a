package io.strata.registry;

/** A VersionKey is what identifies a live version without its text: enough to find repeats and the latest. */
public record VersionKey(long id, String branch, int version, String fingerprint) {
}

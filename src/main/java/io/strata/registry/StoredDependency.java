package io.strata.registry;

/**
 * A StoredDependency says that {@code subject} reads or derives from {@code upstream}.
 *
 * @param kind {@code READS} or {@code DERIVES_FROM}
 */
public record StoredDependency(String subject, String upstream, String kind) {
}

package io.strata.registry;

/**
 * A Dependency says that {@code subject} reads or derives from {@code upstream}.
 *
 * @param kind {@code READS} or {@code DERIVES_FROM}
 */
public record Dependency(String subject, String upstream, String kind) {
}

package io.strata.registry;

import java.time.Instant;

/** A ValidationReport is the result of one compatibility validation, kept as the JSON the API answered. */
public record ValidationReport(long id, String subject, String level, boolean compatible, String body, Instant createdAt) {
}

package io.strata.registry;

import java.time.Instant;

/** A StoredReport is the result of one compatibility validation, kept as the JSON the API answered. */
public record StoredReport(long id, String subject, String level, boolean compatible, String body, Instant createdAt) {
}

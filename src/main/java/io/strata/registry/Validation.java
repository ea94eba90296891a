package io.strata.registry;

import io.strata.compat.CompatibilityResult;

/** A Validation is the answer to a {@link ValidateRequest}, kept as a report under {@code reportId}. */
public record Validation(long reportId, String subject, CompatibilityResult result) {
}

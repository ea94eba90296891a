package io.strata.registry;

import io.strata.model.SubjectFormat;

import java.util.List;

/**
 * A ValidateRequest asks whether a schema is compatible, without registering anything: either
 * {@code schema} against the versions of {@code subject} (at the subject's level unless {@code level} says
 * otherwise), or the {@code schemas} given, oldest first, in {@code format}.
 */
public record ValidateRequest(String subject, String branch, String schema, SubjectFormat format, String dialect,
                              List<String> schemas, String level) {
}

package io.strata.registry;

import io.strata.model.SubjectFormat;

/**
 * A RegisterRequest asks for a schema to become the next version of a subject.
 *
 * @param branch   {@code main} or a branch of the subject
 * @param format   the subject's format; required when the subject is new, checked when it exists (null: the subject's)
 * @param dialect  for SQL subjects: {@code postgres} (default) or {@code mysql}
 * @param settings applied when the request creates the subject
 */
public record RegisterRequest(String subject, String branch, SubjectFormat format, String dialect, String schema,
                              String author, String message, SubjectSettings settings) {
    public RegisterRequest {
        branch = branch == null || branch.isBlank() ? RegistryCore.MAIN : branch;
        author = author == null || author.isBlank() ? "anonymous" : author;
        settings = settings == null ? SubjectSettings.NONE : settings;
    }
}

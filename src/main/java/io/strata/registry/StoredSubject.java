package io.strata.registry;

import io.strata.model.SubjectFormat;

import java.time.Instant;
import java.util.List;

/**
 * A StoredSubject is a subject as the store keeps it.
 *
 * @param compatibility the subject's own level, or null to follow the global default
 * @param dialect       {@code postgres} or {@code mysql} for SQL subjects, else null
 */
public record StoredSubject(long id, String name, SubjectFormat format, String dialect, String compatibility, String owner,
                            String description, List<String> tags, boolean deleted, Instant createdAt, Instant updatedAt) {
    public StoredSubject {
        tags = List.copyOf(tags);
    }
}

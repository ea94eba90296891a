package io.strata.registry;

import io.strata.model.SubjectFormat;

import java.time.Instant;
import java.util.List;

/**
 * A Subject is a named lineage of schemas in the registry: its format, level, owner and tags.
 *
 * @param compatibility the subject's own level, or null to follow the global default
 * @param dialect       {@code postgres} or {@code mysql} for SQL subjects, else null
 */
public record Subject(long id, String name, SubjectFormat format, String dialect, String compatibility, String owner,
                            String description, List<String> tags, boolean deleted, Instant createdAt, Instant updatedAt) {
    public Subject {
        tags = List.copyOf(tags);
    }
}

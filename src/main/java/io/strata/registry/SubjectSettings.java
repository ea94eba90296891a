package io.strata.registry;

import java.util.List;

/**
 * SubjectSettings are a subject's metadata as a request gives them; a null field leaves the current value.
 *
 * @param compatibility a level name, or {@code "DEFAULT"} to follow the global level again
 * @param dependsOn     what the subject reads or derives from, replacing the declared list when not null
 */
public record SubjectSettings(String compatibility, String owner, String description, List<String> tags,
                              List<Dependency> dependsOn) {

    public static final SubjectSettings NONE = new SubjectSettings(null, null, null, null, null);

    /** A declared dependency: this subject {@code READS} or {@code DERIVES_FROM} {@code subject}. */
    public record Dependency(String subject, String kind) {
    }
}

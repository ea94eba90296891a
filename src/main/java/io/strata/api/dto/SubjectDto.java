package io.strata.api.dto;

import io.strata.registry.Subject;
import io.strata.registry.SubjectView;

import java.util.List;

/**
 * A SubjectDto is a subject as the API answers it: its settings, the level that applies, how many live versions
 * it has, the latest of them, its dependencies both ways and its branches.
 *
 * @param compatibility         the level that applies (its own, else the global default)
 * @param compatibilityOverride the subject's own level, or null when it follows the default
 * @param latest                null when every version was deleted (or none was registered)
 */
public record SubjectDto(String id, String subject, String format, String dialect, String compatibility,
                         String compatibilityOverride, String owner, String description, List<String> tags,
                         boolean deleted, int versions, VersionDto latest, List<DependencyDto> dependsOn,
                         List<DependencyDto> dependents, List<BranchDto> branches, String createdAt, String updatedAt) {

    public static SubjectDto of(SubjectView view) {
        Subject s = view.subject();
        return new SubjectDto(s.name(), s.name(), s.format().name(), s.dialect(), view.effectiveCompatibility(),
                s.compatibility(), s.owner(), s.description(), s.tags(), s.deleted(), view.liveVersions(),
                view.latest() == null ? null : VersionDto.withSchema(view.latest()),
                view.dependsOn().stream().map(d -> new DependencyDto(d.upstream(), d.kind())).toList(),
                view.dependents().stream().map(d -> new DependencyDto(d.subject(), d.kind())).toList(),
                view.branches().stream().map(BranchDto::of).toList(), s.createdAt().toString(), s.updatedAt().toString());
    }
}

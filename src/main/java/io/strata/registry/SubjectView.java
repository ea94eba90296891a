package io.strata.registry;


import java.util.List;

/**
 * A SubjectView is a subject as the API shows it: its settings, the level that applies, its latest live
 * version on main, what it depends on, what depends on it, and its branches.
 *
 * @param latest null when every version was deleted (or none was registered)
 */
public record SubjectView(StoredSubject subject, String effectiveCompatibility, StoredVersion latest, int liveVersions,
                          List<StoredDependency> dependsOn, List<StoredDependency> dependents, List<StoredBranch> branches) {
}

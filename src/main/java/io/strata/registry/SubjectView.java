package io.strata.registry;


import java.util.List;

/**
 * A SubjectView is a subject as the API shows it: its settings, the level that applies, its latest live
 * version on main, what it depends on, what depends on it, and its branches.
 *
 * @param latest null when every version was deleted (or none was registered)
 */
public record SubjectView(Subject subject, String effectiveCompatibility, SchemaVersion latest, int liveVersions,
                          List<Dependency> dependsOn, List<Dependency> dependents, List<Branch> branches) {
}

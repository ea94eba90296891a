package io.strata.registry;

/** A SemanticVersion is a version's {@code MAJOR.MINOR.PATCH}, computed from what changed since the previous one. */
public record SemanticVersion(int major, int minor, int patch) {

    public static final SemanticVersion FIRST = new SemanticVersion(1, 0, 0);

    /** What a change does to the version number. */
    public enum Bump {
        /** Not backward compatible: readers of the previous version break. */
        MAJOR,
        /** Backward compatible, with a structural change (an addition). */
        MINOR,
        /** Nothing structural changed (documentation, formatting the canonical form keeps). */
        PATCH
    }

    public static SemanticVersion parse(String text) {
        String[] parts = text.split("\\.");
        return new SemanticVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    public SemanticVersion next(Bump bump) {
        return switch (bump) {
            case MAJOR -> new SemanticVersion(major + 1, 0, 0);
            case MINOR -> new SemanticVersion(major, minor + 1, 0);
            case PATCH -> new SemanticVersion(major, minor, patch + 1);
        };
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}

package io.strata.compat;

import io.strata.error.StrataException;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CompatibilityLevel says which roles must keep working and against which earlier versions: the latest
 * one, or ({@code *_TRANSITIVE}) every earlier one still live.
 */
public enum CompatibilityLevel {
    NONE(EnumSet.noneOf(Role.class), false),
    BACKWARD(EnumSet.of(Role.OLD_READER, Role.OLD_WRITER), false),
    BACKWARD_TRANSITIVE(EnumSet.of(Role.OLD_READER, Role.OLD_WRITER), true),
    FORWARD(EnumSet.of(Role.NEW_READER, Role.NEW_WRITER), false),
    FORWARD_TRANSITIVE(EnumSet.of(Role.NEW_READER, Role.NEW_WRITER), true),
    FULL(EnumSet.allOf(Role.class), false),
    FULL_TRANSITIVE(EnumSet.allOf(Role.class), true);

    private final Set<Role> requiredRoles;
    private final boolean transitive;

    CompatibilityLevel(EnumSet<Role> requiredRoles, boolean transitive) {
        this.requiredRoles = Collections.unmodifiableSet(requiredRoles);
        this.transitive = transitive;
    }

    /** The roles no change may break, in role order; empty for {@link #NONE}. */
    public Set<Role> requiredRoles() {
        return requiredRoles;
    }

    /** Whether the level checks against every earlier version rather than only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /**
     * Parses a level name, ignoring case and accepting {@code -} for {@code _}.
     *
     * @throws StrataException BAD_INPUT naming the valid values when {@code s} is not a level
     */
    public static CompatibilityLevel parse(String s) {
        if (s != null) {
            String wanted = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (CompatibilityLevel level : values()) {
                if (level.name().equals(wanted)) {
                    return level;
                }
            }
        }
        String valid = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
        throw StrataException.badInput("unknown compatibility level \"" + s + "\"; valid levels: " + valid);
    }
}

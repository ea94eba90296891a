package io.strata.compat;

import io.strata.error.StrataException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A CompatibilityLevel says which directions must hold and against which earlier versions: the latest
 * one, or ({@code *_TRANSITIVE}) every earlier one still live. {@link Levels} is what reads these two facts.
 */
public enum CompatibilityLevel {
    NONE(EnumSet.noneOf(Direction.class), false),
    BACKWARD(EnumSet.of(Direction.BACKWARD), false),
    BACKWARD_TRANSITIVE(EnumSet.of(Direction.BACKWARD), true),
    FORWARD(EnumSet.of(Direction.FORWARD), false),
    FORWARD_TRANSITIVE(EnumSet.of(Direction.FORWARD), true),
    FULL(EnumSet.allOf(Direction.class), false),
    FULL_TRANSITIVE(EnumSet.allOf(Direction.class), true);

    private final Set<Direction> directions;
    private final Set<Role> requiredRoles;
    private final boolean transitive;

    CompatibilityLevel(EnumSet<Direction> directions, boolean transitive) {
        this.directions = Direction.inOrder(directions);
        this.requiredRoles = Direction.rolesOf(directions);
        this.transitive = transitive;
    }

    /** The directions that must hold, in direction order; empty for {@link #NONE}. */
    public Set<Direction> directions() {
        return directions;
    }

    /** The roles no change may break (those of its directions), in role order; empty for {@link #NONE}. */
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

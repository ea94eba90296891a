package io.strata.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A Role is what an identity may do, each one including the ones before it: a {@code viewer} reads, a
 * {@code developer} also registers and checks schemas of its teams and rolls out to non-production tiers, a
 * {@code releaser} also creates, approves and executes rollouts to any tier, an {@code admin} also manages
 * environments, keys, webhooks, global configuration and hard deletes.
 */
public enum Role {
    VIEWER, DEVELOPER, RELEASER, ADMIN;

    /** Whether this role holds everything {@code other} may do. */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role's name as users write it: {@code viewer}, {@code developer}, {@code releaser}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} (any case), if it is one. */
    public static Optional<Role> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }

    /** The names of every role, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Role::label).toList());
    }
}

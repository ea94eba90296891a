package io.strata.rollout;

import java.util.Locale;

/**
 * BetweenWaves is what happens when a wave has finished and before the next one starts: nothing, a pause
 * that an operator ends with resume, or a health check of the environments the finished wave migrated
 * (reachable, and their history records the version), which pauses the rollout when one fails it.
 */
public enum BetweenWaves {
    NONE, PAUSE, HEALTH;

    /** The value named by {@code text} (any case; null is NONE), or IllegalArgumentException naming the choices. */
    public static BetweenWaves parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("betweenWaves \"" + text + "\" is not one of none, pause, health");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

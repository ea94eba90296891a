package io.strata.rollout;

import java.util.Locale;
import java.util.Optional;

/** A Risk is how much review a rollout's plan calls for; each tier's policy says how many approvals each needs. */
public enum Risk {
    /** Nothing below: adds what old clients ignore, on tables small enough or new. */
    LOW,
    /** Loses data, breaks clients of the version before, holds a lock that grows with a table, or contracts. */
    HIGH;

    /** The name policies give it: {@code low}, {@code high}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The risk named {@code text} in any case, if it is one. */
    public static Optional<Risk> named(String text) {
        for (Risk r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

package io.strata.model;

/**
 * How a column generates its own values: PostgreSQL {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY}
 * or MySQL {@code AUTO_INCREMENT}.
 *
 * @param kind      {@code ALWAYS}, {@code BY_DEFAULT} or {@code AUTO_INCREMENT}
 * @param start     start value of the identity sequence (1 unless set)
 * @param increment increment of the identity sequence (1 unless set)
 * @param min       MINVALUE of the identity sequence, or null for the server's default (1 ascending, the type's
 *                  least value descending): null keeps two schemas that never set it equal whatever the column type
 * @param max       MAXVALUE, or null for the default (the type's greatest value ascending, -1 descending)
 * @param cache     how many values the server preallocates (1 unless set)
 * @param cycle     whether the sequence wraps around at its bound
 */
public record Identity(String kind, long start, long increment, Long min, Long max, long cache, boolean cycle) {
    public static final String ALWAYS = "ALWAYS";
    public static final String BY_DEFAULT = "BY_DEFAULT";
    public static final String AUTO_INCREMENT = "AUTO_INCREMENT";

    public Identity {
        // A model file written before the options existed has no cache: the server's default is 1.
        cache = cache < 1 ? 1 : cache;
    }

    /** An identity with the sequence options at their defaults. */
    public Identity(String kind, long start, long increment) {
        this(kind, start, increment, null, null, 1, false);
    }

    public static Identity autoIncrement() {
        return new Identity(AUTO_INCREMENT, 1, 1);
    }

    /**
     * The least value the sequence may take as the server sees it when MINVALUE is left out: 1 ascending. A start
     * below it needs an explicit MINVALUE, so {@link #effectiveMin()} gives what a statement must say.
     */
    public Long effectiveMin() {
        if (min != null) {
            return min;
        }
        // PostgreSQL refuses START below the default MINVALUE 1 of an ascending sequence.
        return increment > 0 && start < 1 ? Long.valueOf(start) : null;
    }

    /** The MAXVALUE a statement must say: as {@link #effectiveMin()}, for a descending sequence that starts above -1. */
    public Long effectiveMax() {
        if (max != null) {
            return max;
        }
        return increment < 0 && start > -1 ? Long.valueOf(start) : null;
    }
}

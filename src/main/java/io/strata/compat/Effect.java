package io.strata.compat;

/**
 * An Effect is what a change does to one {@link Role}: nothing, a certain break, or a break that happens
 * only for some data (a value too large for the old type, a row that violates a new constraint).
 */
public enum Effect {
    OK("ok"),
    BREAKS("breaks"),
    DATA_DEPENDENT("data");

    private final String label;

    Effect(String label) {
        this.label = label;
    }

    /** The short word the rule table uses: {@code ok}, {@code breaks}, {@code data}. */
    public String label() {
        return label;
    }
}

package io.strata.plan.lint;

/**
 * A Family is a kind of migration hazard; every rule code starts with its family's prefix, and the
 * family gives the rule its default severity.
 */
public enum Family {
    /** Loses data: the step cannot be undone with the data back. */
    DESTRUCTIVE("DS", Severity.ERROR),
    /** Breaks the application versions still running against the new schema. */
    BACKWARD_INCOMPATIBLE("BC", Severity.ERROR),
    /** May fail part-way on existing rows. */
    DATA_DEPENDENT("DD", Severity.WARNING),
    /** Blocks concurrent clients for a time that grows with the table. */
    LOCKING("LK", Severity.WARNING),
    /** Cannot share a transaction with its neighbours, so a failure leaves the phase half-applied. */
    TRANSACTIONAL("TX", Severity.NOTICE);

    private final String prefix;
    private final Severity defaultSeverity;

    Family(String prefix, Severity defaultSeverity) {
        this.prefix = prefix;
        this.defaultSeverity = defaultSeverity;
    }

    public String prefix() {
        return prefix;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}

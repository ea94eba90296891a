package io.strata.plan;

import java.util.List;

/**
 * A MigrationPlan is the ordered, phased set of steps that turns one schema into another on one
 * dialect. Whether it is reversible and transactional is computed from its steps, never asserted.
 *
 * @param dialect       {@code postgres} or {@code mysql}
 * @param serverVersion the server version the safe recipes were chosen for ({@code 15.19}), or empty
 */
public record MigrationPlan(String dialect, String serverVersion, List<Phase> phases) {
    public MigrationPlan {
        phases = phases.stream().filter(p -> !p.steps().isEmpty()).toList();
        serverVersion = serverVersion == null ? "" : serverVersion;
    }

    public List<Step> steps() {
        return phases.stream().flatMap(p -> p.steps().stream()).toList();
    }

    public boolean isEmpty() {
        return phases.isEmpty();
    }

    /** Every step has a reverse. */
    public boolean reversible() {
        return steps().stream().allMatch(Step::reversible);
    }

    /** Every step may run inside a transaction (so a phase can run in one, on PostgreSQL). */
    public boolean transactional() {
        return steps().stream().allMatch(Step::transactional);
    }

    /** The plan reduced to its phase of {@code kind} (empty when it has none). */
    public MigrationPlan only(PhaseKind kind) {
        return new MigrationPlan(dialect, serverVersion, phases.stream().filter(p -> p.kind() == kind).toList());
    }

    /** Whether the plan needs more than one deploy (it has a MIGRATE or CONTRACT phase). */
    public boolean phased() {
        return phases.stream().anyMatch(p -> p.kind() != PhaseKind.EXPAND);
    }
}

package io.strata.plan;

import java.util.List;

/**
 * A Phase is the part of a plan that is applied and recorded on its own.
 *
 * @param kind        expand, migrate or contract
 * @param steps       its steps in the order they run
 * @param deployAfter the application deploy that must happen after this phase and before the next one,
 *                    or null when none is needed
 */
public record Phase(PhaseKind kind, List<Step> steps, String deployAfter) {
    public Phase {
        steps = List.copyOf(steps);
    }

    public boolean transactional() {
        return steps.stream().allMatch(Step::transactional);
    }
}

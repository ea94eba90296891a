package io.strata.rollout.drift;

import io.strata.plan.MigrationPlan;

import java.util.List;

/**
 * A RepairPlan is what a drift check says it would take to go back to the expected version: the statements, phase
 * by phase, and whether any destroys data. A repair rollout plans again from the live schema when it runs (the
 * schema may have moved since); this is the plan as the check saw it.
 *
 * @param error why no plan back exists (a difference the planner cannot reverse), or null
 */
public record RepairPlan(List<String> statements, List<PhaseStatements> phases, boolean destructive, String error) {

    /** One phase of the plan back: its statements and the deploy that must follow it. */
    public record PhaseStatements(String kind, List<String> statements, String deployAfter) {
    }

    public RepairPlan {
        statements = List.copyOf(statements);
        phases = List.copyOf(phases);
    }

    static RepairPlan of(MigrationPlan plan, boolean destructive) {
        return new RepairPlan(plan.steps().stream().map(s -> s.sql()).toList(), plan.phases().stream()
                .map(p -> new PhaseStatements(p.kind().name(), p.steps().stream().map(s -> s.sql()).toList(), p.deployAfter()))
                .toList(), destructive, null);
    }

    static RepairPlan unplannable(String why) {
        return new RepairPlan(List.of(), List.of(), false, why);
    }
}

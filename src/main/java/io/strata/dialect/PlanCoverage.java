package io.strata.dialect;

import io.strata.error.StrataException;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Step;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PlanCoverage holds a planner to the diff: every change the diff reports and the planner took on must be
 * carried out by a step of the plan (a step names the change it implements as its source). A change no step
 * implements would make {@code strata diff} show a difference that {@code strata apply} calls up to date, so it
 * is refused naming the change instead.
 */
public final class PlanCoverage {

    private PlanCoverage() {
    }

    /**
     * Throws a bad-input error naming each of {@code changes} that no step of {@code plan} has as its source.
     * {@code changes} are those the planner planned itself: the caller leaves out what another recipe absorbed
     * (a column swap, a rename's echoes).
     */
    public static void require(List<? extends SchemaChange> changes, MigrationPlan plan) {
        Set<SchemaChange> sources = new HashSet<>();
        for (Step s : plan.steps()) {
            if (s.source() != null) {
                sources.add(s.source());
            }
        }
        List<String> missing = changes.stream().filter(c -> !sources.contains(c)).map(PlanCoverage::describe).toList();
        if (!missing.isEmpty()) {
            throw StrataException.badInput("cannot plan " + String.join("; ", missing)
                    + ": no statement of the " + plan.dialect() + " planner carries " + (missing.size() == 1 ? "it" : "them")
                    + " out; change the desired schema or make this change by hand");
        }
    }

    /** {@code "change of the options of table shop.orders"}: the kind of change and where, in the user's words. */
    static String describe(SchemaChange c) {
        String kind = c.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        String detail = "";
        if (c instanceof SchemaChange.ModifyColumn m) {
            detail = " (" + m.kinds().stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList() + ")";
        } else if (c instanceof SchemaChange.ModifyTable m) {
            detail = " (" + m.kinds().stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList() + ")";
        }
        return kind + " " + c.location() + detail;
    }
}

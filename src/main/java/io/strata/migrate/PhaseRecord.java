package io.strata.migrate;

import io.strata.plan.PhaseKind;

import java.util.Set;

/**
 * PhaseRecord is what a history row keeps of a phased apply: which phase it ran and the whole plan it
 * belongs to, so that a later {@code apply --phase} runs the plan the first phase started instead of
 * planning again from a half-migrated schema (which would not know about the columns, triggers and
 * backfills in between).
 *
 * @param planId   the plan's identity (a digest of its statements)
 * @param planJson the plan file the row belongs to
 */
public record PhaseRecord(PhaseKind phase, String planId, String planJson) {

    /** A plan recorded on a target, with the phases of it that have been applied (and not rolled back). */
    public record Recorded(String planId, String planJson, Set<PhaseKind> applied) {
    }
}

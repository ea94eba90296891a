package io.strata.migrate;

import io.strata.plan.Checksums;
import io.strata.plan.PhaseKind;
import io.strata.source.PlanFile;

import java.time.Instant;
import java.util.Set;

/**
 * A HistoryRow is one migration recorded in {@code strata_history}.
 *
 * @param rank          order of installation, 1-based; the primary key
 * @param kind          {@code apply}, {@code migrate} or {@code baseline}
 * @param checksum      SHA-256 of the normalized statements (see {@link Checksums}), null for a baseline
 * @param desiredDigest SHA-256 of the desired schema an {@code apply} aimed at, so a resume can tell it changed
 * @param finishedAt    null while running, or after the applying process died
 * @param error         why it failed, naming the statement
 * @param rolledBack    whether {@code strata rollback}, or the reversal of its failed run, has taken it back since
 * @param phase         the phase of a plan it ran ({@code EXPAND}...), or null for a whole plan, a file or a baseline
 * @param planJson      the plan a phased run recorded (a plan file's JSON), or null
 * @param dataChecks    whether the pre-flight data checks {@code passed} or were {@code skipped}; null for a file,
 *                      a baseline, or a run recorded before Strata checked data
 */
public record HistoryRow(int rank, String version, String description, String kind, String checksum,
                         int checksumAlgorithm, String desiredDigest, int statementsApplied, int statementsTotal,
                         Instant startedAt, Instant finishedAt, String appliedBy, boolean success, String error,
                         boolean rolledBack, String phase, String planJson, String dataChecks) {

    /** The phases of the plan this row's run recorded, in plan order; empty when it recorded none. */
    public Set<PhaseKind> plannedPhases() {
        return planJson == null ? Set.of()
                : PlanFile.parse(planJson, "recorded in strata_history").phases().keySet();
    }

    /**
     * Started but not every statement ran: it failed, or its process died. A failed run that was reverted is
     * over: nothing of it stands, and the next apply plans afresh.
     */
    public boolean incomplete() {
        return !success && !rolledBack;
    }

    /**
     * What status shows: {@code success}, {@code rolled back}, {@code failed}, {@code failed, reverted} (what it
     * applied was taken back) or {@code incomplete} (no finish recorded).
     */
    public String state() {
        if (rolledBack) {
            return success ? "rolled back" : "failed, reverted";
        }
        if (success) {
            return "success";
        }
        return finishedAt == null ? "incomplete" : "failed";
    }
}

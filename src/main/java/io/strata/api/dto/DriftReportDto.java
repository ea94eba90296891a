package io.strata.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.strata.rollout.drift.DriftChange;
import io.strata.rollout.drift.DriftReport;
import io.strata.rollout.drift.RepairPlan;

import java.util.List;

/**
 * A DriftReportDto is an environment's latest drift check as the API answers it.
 *
 * @param changes how many differences were found
 * @param report  the differences (codes, locations, roles broken, recipes), and a note when nothing was compared or the
 *                comparison is less exact (the version replayed on another major than the environment's)
 * @param repair  the plan back to the expected version; null when there is none
 */
public record DriftReportDto(String environment, String subject, Integer version, boolean drifted, int changes,
                             String checkedAt, ReportDto report, RepairDto repair) {

    /** The differences found, and why nothing was compared when nothing was. */
    public record ReportDto(List<DriftChange> changes, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /** The plan back: every statement, the same statements phase by phase, whether any destroys data. */
    public record RepairDto(List<String> statements, List<RepairPlan.PhaseStatements> phases, boolean destructive,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    public static DriftReportDto of(DriftReport r) {
        RepairPlan p = r.repair();
        return new DriftReportDto(r.environment(), r.subject(), r.version(), r.drifted(), r.changes(),
                r.checkedAt().toString(), new ReportDto(r.differences(), r.note()),
                p == null ? null : new RepairDto(p.statements(), p.phases(), p.destructive(), p.error()));
    }
}

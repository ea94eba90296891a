package io.strata.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.rollout.drift.DriftReport;

/**
 * A DriftReportDto is an environment's latest drift check as the API answers it.
 *
 * @param report the typed changes found (codes, locations, roles), as kept with the check
 * @param repair the plan back to the expected version, as kept with the check; null when there is none
 */
public record DriftReportDto(String environment, String subject, Integer version, boolean drifted, int changes,
                             String checkedAt, JsonNode report, JsonNode repair) {

    /** {@code r} with its kept report and repair already read back from the JSON they were stored as. */
    public static DriftReportDto of(DriftReport r, JsonNode report, JsonNode repair) {
        return new DriftReportDto(r.environment(), r.subject(), r.version(), r.drifted(), r.changes(),
                r.checkedAt().toString(), report, repair);
    }
}

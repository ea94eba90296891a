package io.strata.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.rollout.drift.DriftChange;
import io.strata.rollout.drift.DriftReport;
import io.strata.rollout.drift.RepairPlan;

import java.util.List;

/**
 * DriftJson is how a drift report's differences and plan back are kept in {@code strata_drift}: as JSON, in the
 * shape reports have had since the table was made, so reports stored by earlier versions read back.
 */
final class DriftJson {

    /** The report column: the differences, and the note when nothing was compared or the comparison is less exact. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(List<DriftChange> changes, String note) {
        Report {
            changes = changes == null ? List.of() : changes;
        }
    }

    /** The repair column: {@code error} only when there is no plan back. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Repair(List<String> statements, List<RepairPlan.PhaseStatements> phases, boolean destructive,
                          String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DriftJson() {
    }

    static String report(DriftReport r) {
        return write(new Report(r.differences(), r.note()));
    }

    static String repair(RepairPlan p) {
        return write(new Repair(p.statements(), p.phases(), p.destructive(), p.error()));
    }

    static Report readReport(String json) {
        return read(json, Report.class);
    }

    static RepairPlan readRepair(String json) {
        Repair r = read(json, Repair.class);
        return new RepairPlan(r.statements() == null ? List.of() : r.statements(), r.phases() == null ? List.of()
                : r.phases(), r.destructive(), r.error());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a drift report is plain data", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StrataException(ErrorCode.INTERNAL, "a stored drift report cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}

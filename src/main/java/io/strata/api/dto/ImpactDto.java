package io.strata.api.dto;

import io.strata.compat.CompatibilityJson;
import io.strata.registry.Impact;

import java.util.List;
import java.util.Map;

/** An ImpactDto is what a proposed change of one subject does downstream, as the API answers it. */
public record ImpactDto(String subject, String from, Map<String, Object> check, List<Map<String, Object>> readerBreaks,
                        List<DownstreamDto> downstream) {

    /** One subject downstream, with the path from the changed one and whether the change breaks it. */
    public record DownstreamDto(String subject, String kind, List<String> path, boolean breaks, String reason) {
    }

    public static ImpactDto of(Impact impact) {
        return new ImpactDto(impact.subject(), impact.from(), CompatibilityJson.of(impact.check()),
                CompatibilityJson.findings(impact.readerBreaks()), impact.downstream().stream()
                .map(d -> new DownstreamDto(d.subject(), d.kind(), d.path(), d.breaks(), d.reason())).toList());
    }
}

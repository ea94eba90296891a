package io.strata.api.dto;

import io.strata.registry.ValidationReport;

/** A ValidationReportDto is one kept compatibility validation: its subject, level, verdict and the full result. */
public record ValidationReportDto(long id, String subject, String level, boolean compatible, String createdAt,
                                  Object result) {

    public static ValidationReportDto of(ValidationReport r, Object result) {
        return new ValidationReportDto(r.id(), r.subject(), r.level(), r.compatible(), r.createdAt().toString(), result);
    }
}

package io.strata.registry;

import java.util.List;

/** A ReportRepository keeps the results of compatibility validations; a port the store implements. */
public interface ReportRepository {

    void insert(ValidationReport r);
    
    /** Reports newest first, those with an id below {@code beforeId} (0: from the newest). */
    List<ValidationReport> before(long beforeId, int limit);
}

package io.strata.rollout.drift;

import java.util.Map;
import java.util.Optional;

/** A DriftRepository keeps the drift reports of environments; a port the store implements. */
public interface DriftRepository {

    void save(DriftReport r);
    
    Optional<DriftReport> latest(String environment);
    
    Map<String, DriftReport> latestAll();
}

package io.strata.registry;

import java.util.List;

/** A DependencyRepository holds what subjects declare they depend on; a port the store implements. */
public interface DependencyRepository {

    /** Every declared dependency, by subject name. */
    List<Dependency> all();
    
    /** Replaces what {@code subjectId} declares it depends on. */
    void replace(long subjectId, List<Long> upstreamIds, List<String> kinds);
}

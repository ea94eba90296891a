package io.strata.registry;

import java.util.List;
import java.util.Optional;

/** A BranchRepository holds the branches of subjects; a port the store implements. */
public interface BranchRepository {

    Optional<StoredBranch> find(long subjectId, String name);
    
    List<StoredBranch> of(long subjectId);
    
    void insert(StoredBranch b);
    
    void setState(long subjectId, String name, String state);
}

package io.strata.registry;

import java.util.List;
import java.util.Optional;

/** A BranchRepository holds the branches of subjects; a port the store implements. */
public interface BranchRepository {

    Optional<Branch> find(long subjectId, String name);
    
    List<Branch> of(long subjectId);
    
    void insert(Branch b);
    
    void setState(long subjectId, String name, String state);
}

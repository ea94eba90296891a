package io.strata.registry;

import java.util.List;
import java.util.Optional;

/** A SubjectRepository holds the registry's subjects; a port the store implements. */
public interface SubjectRepository {

    Optional<Subject> byName(String name);
    
    Optional<Subject> byId(long id);
    
    List<Subject> all(boolean includeDeleted);
    
    void insert(Subject s);
    
    void update(Subject s);
    
    /** Deletes the subject's row and everything stored under it (a hard delete). */
    void deleteRows(long subjectId);
}

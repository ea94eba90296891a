package io.strata.registry;

import java.util.List;
import java.util.Optional;

/** A SubjectRepository holds the registry's subjects; a port the store implements. */
public interface SubjectRepository {

    Optional<StoredSubject> byName(String name);
    
    Optional<StoredSubject> byId(long id);
    
    List<StoredSubject> all(boolean includeDeleted);
    
    void insert(StoredSubject s);
    
    void update(StoredSubject s);
    
    /** Deletes the subject's row and everything stored under it (a hard delete). */
    void deleteRows(long subjectId);
}

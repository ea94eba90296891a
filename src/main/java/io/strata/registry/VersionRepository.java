package io.strata.registry;

import java.util.List;
import java.util.Optional;

/** A VersionRepository holds subjects' versions; a port the store implements. */
public interface VersionRepository {

    /** A subject's versions on {@code branch}, oldest first. */
    List<SchemaVersion> of(long subjectId, String branch, boolean includeDeleted);
    
    /** {@link #of} without the schema text, live versions only. */
    List<VersionKey> keys(long subjectId, String branch);
    
    Optional<SchemaVersion> byId(long id);
    
    List<SchemaVersion> byFingerprint(String fingerprint);
    
    int lastNumber(long subjectId, String branch);
    
    void insert(SchemaVersion v);
    
    void setDeleted(long id, boolean deleted);
    
    void deleteRow(long id);
}

package io.strata.registry;

import java.util.Optional;

/** A ConfigRepository holds the registry's settings by name (the global level and mode, the purge counter); a port the store implements. */
public interface ConfigRepository {

    Optional<String> get(String name);
    
    void set(String name, String value);
    
    void delete(String name);
    
    /** How many hard deletes the store has seen: servers drop their caches of versions when it moves. */
    long purges();
    
    void countPurge();
}

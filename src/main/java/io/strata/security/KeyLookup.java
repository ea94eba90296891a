package io.strata.security;

import java.util.Optional;

/** A KeyLookup finds stored API keys by id and records their use; a port the store implements through the app layer. */
public interface KeyLookup {

    Optional<ApiKey> find(String id);

    /** Records that key {@code id} authenticated a request (called at most once a minute per key). */
    void used(String id);
}

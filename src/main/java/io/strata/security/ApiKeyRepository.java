package io.strata.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An ApiKeyRepository keeps API keys inside one unit of work; a port the store implements. */
public interface ApiKeyRepository {

    void insert(ApiKey key);

    Optional<ApiKey> find(String id);

    /** Every key, revoked ones too, oldest first. */
    List<ApiKey> all();

    /** Marks key {@code id} revoked at {@code at}; whether it was live. */
    boolean revoke(String id, Instant at);

    void touch(String id, Instant at);
}

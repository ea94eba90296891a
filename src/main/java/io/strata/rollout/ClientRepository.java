package io.strata.rollout;

import java.time.Instant;
import java.util.List;

/** A ClientRepository keeps the client versions applications report; a port the store implements. */
public interface ClientRepository {

    void heartbeat(ClientVersion c);
    
    List<ClientVersion> live(String environment, Instant since);
}

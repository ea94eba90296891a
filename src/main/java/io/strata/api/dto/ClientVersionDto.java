package io.strata.api.dto;

import io.strata.rollout.ClientVersion;

/** A ClientVersionDto is one application instance's last heartbeat: which versions of a subject it reads and writes. */
public record ClientVersionDto(String environment, String subject, String service, String instance, int reads,
                               int writes, String lastSeen) {

    public static ClientVersionDto of(ClientVersion c) {
        return new ClientVersionDto(c.environment(), c.subject(), c.service(), c.instance(), c.reads(), c.writes(),
                c.lastSeen().toString());
    }
}

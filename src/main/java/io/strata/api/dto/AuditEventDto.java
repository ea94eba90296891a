package io.strata.api.dto;

import io.strata.audit.AuditEvent;

/** An AuditEventDto is one event of the audit trail as the API (and {@code strata audit log}) shows it. */
public record AuditEventDto(long seq, String at, String actor, String action, String target, String before,
                            String after, String details, String previousHash, String hash) {

    public static AuditEventDto of(AuditEvent e) {
        return new AuditEventDto(e.seq(), e.at().toString(), e.actor(), e.action(), e.target(), e.before(), e.after(),
                e.details(), e.previousHash(), e.hash());
    }
}

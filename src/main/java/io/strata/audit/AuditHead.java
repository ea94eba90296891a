package io.strata.audit;

/** An AuditHead is the last event written to the chain, as the head row remembers it: its number and hash. */
public record AuditHead(long seq, String hash) {
}

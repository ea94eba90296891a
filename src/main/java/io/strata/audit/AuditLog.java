package io.strata.audit;

import java.util.List;

/** An AuditLog is where the hash chain is appended to and read from; a port the store implements. */
public interface AuditLog {

    /** Appends an event to the chain after the head, which the transaction holds locked from here on. */
    AuditEvent append(String actor, String action, String target, String before, String after, String details);
    
    /** Events with a sequence number above {@code afterSeq}, oldest first. */
    List<AuditEvent> after(long afterSeq, int limit);
    
    /** The last event written, as the head row remembers it. */
    AuditHead head();
}

package io.strata.registry;

import io.strata.audit.AuditChain;
import io.strata.audit.AuditEvent;
import io.strata.audit.AuditVerification;

import java.util.ArrayList;
import java.util.List;

/** AuditTrail is the use case behind reading the audit trail and recomputing its hash chain. */
public final class AuditTrail {

    private static final int VERIFY_PAGE = 5_000;

    private final RegistryCore core;

    public AuditTrail(RegistryCore core) {
        this.core = core;
    }

    /** Events after {@code afterSeq}, oldest first, at most {@code limit} (capped at 1,000). */
    public List<AuditEvent> page(long afterSeq, int limit) {
        return core.store().transaction(tx -> tx.audit().after(Math.max(0, afterSeq), Math.max(1, Math.min(limit, 1_000))));
    }

    /**
     * Reads the whole trail with the head row in one transaction, and recomputes the chain: the first event
     * altered or removed, if any.
     */
    public AuditVerification verify() {
        return core.store().transaction(tx -> {
            var head = tx.audit().head();
            List<AuditEvent> all = new ArrayList<>();
            long after = 0;
            while (true) {
                List<AuditEvent> page = tx.audit().after(after, VERIFY_PAGE);
                all.addAll(page);
                if (page.size() < VERIFY_PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
            return AuditChain.verify(all, head.seq(), head.hash());
        });
    }
}

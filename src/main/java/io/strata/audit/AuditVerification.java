package io.strata.audit;

/**
 * An AuditVerification is the outcome of recomputing the chain.
 *
 * @param intact       whether every event verified
 * @param checked      how many events were read
 * @param firstBroken  the sequence number of the first event altered or removed, 0 when intact
 * @param message      what was found
 */
public record AuditVerification(boolean intact, int checked, long firstBroken, String message) {

    static AuditVerification broken(int checked, long seq, String message) {
        return new AuditVerification(false, checked, seq, message);
    }
}

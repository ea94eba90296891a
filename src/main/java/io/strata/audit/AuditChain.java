package io.strata.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * AuditChain computes and verifies the trail's SHA-256 chain. Each field enters the hash with its length,
 * so no two different events (a target ending where an action could begin) hash the same input.
 */
public final class AuditChain {

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, Instant at, String actor, String action, String target, String before, String after,
                       String details, String previousHash) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        for (String field : new String[]{previousHash, Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action,
                target, before, after, details}) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            String prefix = field == null ? "-;" : bytes.length + ":";
            sha.update(prefix.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Recomputes the chain of {@code events} (in sequence order, from the first): the first event whose
     * hash does not match its fields, that does not name its predecessor's hash, or that follows a gap.
     *
     * @param headSeq  the sequence number the store says was written last
     * @param headHash that event's hash, as the store's head row keeps it (catches removal of the newest events)
     */
    public static AuditVerification verify(List<AuditEvent> events, long headSeq, String headHash) {
        String previous = GENESIS;
        long expectedSeq = 1;
        for (AuditEvent e : events) {
            if (e.seq() != expectedSeq) {
                return AuditVerification.broken(events.size(), expectedSeq,
                        "event " + expectedSeq + " is missing (the next one stored is " + e.seq() + ")");
            }
            if (!e.previousHash().equals(previous)) {
                return AuditVerification.broken(events.size(), e.seq(),
                        "event " + e.seq() + " does not name the hash of event " + (e.seq() - 1));
            }
            String recomputed = hash(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.before(), e.after(),
                    e.details(), e.previousHash());
            if (!recomputed.equals(e.hash())) {
                return AuditVerification.broken(events.size(), e.seq(),
                        "event " + e.seq() + " was altered: its fields hash to " + recomputed + ", not the stored " + e.hash());
            }
            previous = e.hash();
            expectedSeq++;
        }
        if (headSeq != expectedSeq - 1 || !headHash.equals(previous)) {
            return AuditVerification.broken(events.size(), expectedSeq,
                    "the trail ends at event " + (expectedSeq - 1) + " but " + headSeq
                            + " were written: event " + expectedSeq + " onward was removed");
        }
        return new AuditVerification(true, events.size(), 0, "all " + events.size() + " events verified");
    }
}

package io.strata.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An AuditEvent is one change of state, as the append-only trail keeps it: who did what to which target,
 * the fingerprints before and after, and the hash chain that makes a later edit or removal visible.
 *
 * @param seq          position in the trail, from 1, without gaps
 * @param at           when, to the millisecond
 * @param actor        who (user, token or {@code anonymous})
 * @param action       what, e.g. {@code version.registered}, {@code subject.deleted}
 * @param target       what it was done to: {@code subject/orders-value}, {@code subject/orders-value/versions/3}
 * @param before       fingerprint of the target before, or null
 * @param after        fingerprint of the target after, or null
 * @param details      a small JSON object with the rest, or null
 * @param previousHash the hash of event {@code seq - 1} (64 zeros for the first)
 * @param hash         SHA-256 of this event's fields and {@code previousHash}
 */
public record AuditEvent(long seq, Instant at, String actor, String action, String target, String before,
                         String after, String details, String previousHash, String hash) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The event that follows {@code previousHash} at {@code seq}, hashed. */
    public static AuditEvent next(long seq, String previousHash, Instant at, String actor, String action, String target,
                                  String before, String after, String details) {
        Instant millis = Instant.ofEpochMilli(at.toEpochMilli());
        String hash = AuditChain.hash(seq, millis, actor, action, target, before, after, details, previousHash);
        return new AuditEvent(seq, millis, actor, action, target, before, after, details, previousHash, hash);
    }
}

package io.strata.store;

import io.strata.audit.AuditEvent;
import io.strata.audit.AuditHead;
import io.strata.audit.AuditLog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** AuditTables is the store's table family of the hash-chained audit trail, in one transaction: the adapter behind {@link AuditLog}. */
final class AuditTables implements AuditLog {

    private final StoreTransaction tx;

    AuditTables(StoreTransaction tx) {
        this.tx = tx;
    }

    private static final String AUDIT_COLUMNS =
            "seq, at, actor, action, target, before_fp, after_fp, details, prev_hash, hash";

    /** Appends an event to the chain after the locked head. */
    @Override
    public AuditEvent append(String actor, String action, String target, String before, String after, String details) {
        return StoreTransaction.sql(() -> {
            tx.lockForWrite();
            AuditEvent event = AuditEvent.next(tx.headSeq() + 1, tx.headHash(), Instant.now(), actor, action, target, before, after, details);
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_audit (" + AUDIT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, event.seq());
                ps.setObject(2, StoreTransaction.time(event.at()));
                ps.setString(3, event.actor());
                ps.setString(4, event.action());
                ps.setString(5, event.target());
                ps.setString(6, event.before());
                ps.setString(7, event.after());
                ps.setString(8, event.details());
                ps.setString(9, event.previousHash());
                ps.setString(10, event.hash());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
                ps.setLong(1, event.seq());
                ps.setString(2, event.hash());
                ps.executeUpdate();
            }
            tx.moveHead(event.seq(), event.hash());
            return event;
        });
    }

    // ---- audit

    /** Events with a sequence number above {@code afterSeq}, oldest first. */
    @Override
    public List<AuditEvent> after(long afterSeq, int limit) {
        return StoreTransaction.sql(() -> {
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + AUDIT_COLUMNS
                    + " FROM strata_audit WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEvent(rs.getLong(1), StoreTransaction.instant(rs, 2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    /** The head row: the last sequence number written and its hash. */
    @Override
    public AuditHead head() {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT seq, hash FROM strata_audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new AuditHead(rs.getLong(1), rs.getString(2));
            }
        });
    }
}

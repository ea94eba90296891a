package io.strata.store;

import io.strata.rollout.Approval;
import io.strata.rollout.ApprovalRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** ApprovalTables is the store's table family of rollout approvals, in one transaction: the adapter behind {@link ApprovalRepository}. */
final class ApprovalTables implements ApprovalRepository {

    private final StoreTransaction tx;

    ApprovalTables(StoreTransaction tx) {
        this.tx = tx;
    }

    /** Inserts a standing approval ({@code voidedAt} is only ever set by {@link #voidAll}). */
    @Override
    public void insert(Approval a) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_rollout_approvals (id, rollout_id, "
                    + "approver, comment, approved_at, plan_checksum, second_factor, approver_person) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, a.id());
                ps.setLong(2, a.rollout());
                ps.setString(3, a.approver());
                ps.setString(4, a.comment());
                ps.setObject(5, StoreTransaction.time(a.approvedAt()));
                ps.setString(6, a.planChecksum());
                ps.setBoolean(7, a.secondFactor());
                ps.setString(8, a.person());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Approval> of(long rollout) {
        return StoreTransaction.sql(() -> {
            List<Approval> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, rollout_id, approver, comment, approved_at, "
                    + "plan_checksum, second_factor, voided_at, approver_person FROM strata_rollout_approvals WHERE rollout_id = ? ORDER BY id")) {
                ps.setLong(1, rollout);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Approval(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(9), rs.getString(4),
                                StoreTransaction.instant(rs, 5), rs.getString(6), rs.getBoolean(7), StoreTransaction.instant(rs, 8)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int voidAll(long rollout, Instant at) {
        return StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_rollout_approvals SET voided_at = ? "
                    + "WHERE rollout_id = ? AND voided_at IS NULL")) {
                ps.setObject(1, StoreTransaction.time(at));
                ps.setLong(2, rollout);
                return ps.executeUpdate();
            }
        });
    }
}

package io.strata.store;

import io.strata.registry.ReportRepository;
import io.strata.registry.ValidationReport;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** ReportTables is the store's table family of validation reports, in one transaction: the adapter behind {@link ReportRepository}. */
final class ReportTables implements ReportRepository {

    private final StoreTransaction tx;

    ReportTables(StoreTransaction tx) {
        this.tx = tx;
    }

    // ---- validation reports

    @Override
    public void insert(ValidationReport r) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_reports (id, subject, level, compatible, "
                    + "body, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, r.id());
                if (r.subject() == null) {
                    ps.setNull(2, Types.VARCHAR);
                } else {
                    ps.setString(2, r.subject());
                }
                ps.setString(3, r.level());
                ps.setBoolean(4, r.compatible());
                ps.setString(5, r.body());
                ps.setObject(6, StoreTransaction.time(r.createdAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Reports newest first, those with an id below {@code beforeId} (0: from the newest). */
    @Override
    public List<ValidationReport> before(long beforeId, int limit) {
        return StoreTransaction.sql(() -> {
            List<ValidationReport> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, subject, level, compatible, body, created_at "
                    + "FROM strata_reports WHERE id < ? ORDER BY id DESC LIMIT ?")) {
                ps.setLong(1, beforeId <= 0 ? Long.MAX_VALUE : beforeId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ValidationReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                                rs.getString(5), StoreTransaction.instant(rs, 6)));
                    }
                }
            }
            return out;
        });
    }
}

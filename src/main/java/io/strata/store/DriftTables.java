package io.strata.store;

import io.strata.rollout.drift.DriftRepository;

import io.strata.rollout.drift.DriftReport;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DriftTables keeps the latest drift report of each environment, inside a store transaction. */
public final class DriftTables implements DriftRepository {

    private final StoreTransaction tx;

    DriftTables(StoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void save(DriftReport r) {
        StoreTransaction.sql(() -> {
            try (PreparedStatement delete = tx.connection().prepareStatement("DELETE FROM strata_drift WHERE environment = ?")) {
                delete.setString(1, r.environment());
                delete.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_drift (environment, subject, version, "
                    + "changes, report, repair, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.environment());
                ps.setString(2, r.subject());
                if (r.version() == null) {
                    ps.setNull(3, Types.INTEGER);
                } else {
                    ps.setInt(3, r.version());
                }
                ps.setInt(4, r.changes());
                ps.setString(5, DriftJson.report(r));
                ps.setString(6, r.repair() == null ? null : DriftJson.repair(r.repair()));
                ps.setObject(7, StoreTransaction.time(r.checkedAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<DriftReport> latest(String environment) {
        return StoreTransaction.sql(() -> {
            List<DriftReport> found = query("WHERE environment = ?", environment);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /** The latest report of every environment checked, by environment. */
    @Override
    public Map<String, DriftReport> latestAll() {
        return StoreTransaction.sql(() -> {
            Map<String, DriftReport> out = new HashMap<>();
            query("", null).forEach(r -> out.put(r.environment(), r));
            return out;
        });
    }

    private List<DriftReport> query(String where, String environment) throws SQLException {
        List<DriftReport> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT environment, subject, version, changes, report, "
                + "repair, checked_at FROM strata_drift " + where)) {
            if (environment != null) {
                ps.setString(1, environment);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int version = rs.getInt(3);
                    Integer checkedVersion = rs.wasNull() ? null : version;
                    DriftJson.Report report = DriftJson.readReport(rs.getString(5));
                    String repair = rs.getString(6);
                    out.add(new DriftReport(rs.getString(1), rs.getString(2), checkedVersion, report.changes(), report.note(),
                            repair == null ? null : DriftJson.readRepair(repair), StoreTransaction.instant(rs, 7)));
                }
            }
        }
        return out;
    }
}

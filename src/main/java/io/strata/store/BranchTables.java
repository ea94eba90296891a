package io.strata.store;

import io.strata.registry.BranchRepository;
import io.strata.registry.Branch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** BranchTables is the store's table family of branches of subjects, in one transaction: the adapter behind {@link BranchRepository}. */
final class BranchTables implements BranchRepository {

    private final StoreTransaction tx;

    BranchTables(StoreTransaction tx) {
        this.tx = tx;
    }

    // ---- branches

    @Override
    public Optional<Branch> find(long subjectId, String name) {
        return StoreTransaction.sql(() -> {
            return branchQuery("WHERE subject_id = ? AND name = ?", ps -> {
                ps.setLong(1, subjectId);
                ps.setString(2, name);
            }).stream().findFirst();
        });
    }

    @Override
    public List<Branch> of(long subjectId) {
        return StoreTransaction.sql(() -> {
            return branchQuery("WHERE subject_id = ? ORDER BY name", ps -> ps.setLong(1, subjectId));
        });
    }

    @Override
    public void insert(Branch b) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_branches (subject_id, name, "
                    + "base_version, state, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, b.subjectId());
                ps.setString(2, b.name());
                ps.setInt(3, b.baseVersion());
                ps.setString(4, b.state());
                ps.setObject(5, StoreTransaction.time(b.createdAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void setState(long subjectId, String name, String state) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE strata_branches SET state = ? WHERE subject_id = ? AND name = ?")) {
                ps.setString(1, state);
                ps.setLong(2, subjectId);
                ps.setString(3, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private List<Branch> branchQuery(String where, StoreTransaction.Binder binder) throws SQLException {
        List<Branch> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT subject_id, name, base_version, state, created_at FROM strata_branches " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Branch(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), StoreTransaction.instant(rs, 5)));
                }
            }
        }
        return out;
    }
}

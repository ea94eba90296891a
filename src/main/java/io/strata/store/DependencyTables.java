package io.strata.store;

import io.strata.registry.DependencyRepository;
import io.strata.registry.Dependency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** DependencyTables is the store's table family of declared dependencies between subjects, in one transaction: the adapter behind {@link DependencyRepository}. */
final class DependencyTables implements DependencyRepository {

    private final StoreTransaction tx;

    DependencyTables(StoreTransaction tx) {
        this.tx = tx;
    }

    // ---- dependencies

    /** Every declared dependency, by subject name. */
    @Override
    public List<Dependency> all() {
        return StoreTransaction.sql(() -> {
            List<Dependency> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT s.name, u.name, d.kind FROM strata_dependencies d "
                    + "JOIN strata_subjects s ON s.id = d.subject_id JOIN strata_subjects u ON u.id = d.upstream_id "
                    + "ORDER BY s.name, u.name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Dependency(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** Replaces what {@code subjectId} declares it depends on. */
    @Override
    public void replace(long subjectId, List<Long> upstreamIds, List<String> kinds) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM strata_dependencies WHERE subject_id = ?")) {
                ps.setLong(1, subjectId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO strata_dependencies (subject_id, upstream_id, kind) VALUES (?, ?, ?)")) {
                for (int i = 0; i < upstreamIds.size(); i++) {
                    ps.setLong(1, subjectId);
                    ps.setLong(2, upstreamIds.get(i));
                    ps.setString(3, kinds.get(i));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}

package io.strata.store;

import io.strata.registry.SchemaVersion;
import io.strata.registry.VersionKey;
import io.strata.registry.VersionRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** VersionTables is the store's table family of schema versions, in one transaction: the adapter behind {@link VersionRepository}. */
final class VersionTables implements VersionRepository {

    private final StoreTransaction tx;

    VersionTables(StoreTransaction tx) {
        this.tx = tx;
    }

    private static final String VERSION_COLUMNS = "v.id, v.subject_id, s.name, v.branch, v.version, v.semver, "
            + "v.fingerprint, v.schema_text, v.canonical, v.author, v.message, v.deleted, v.created_at";

    // ---- versions

    /** The versions of a subject's branch in number order; soft-deleted ones only when asked for. */
    @Override
    public List<SchemaVersion> of(long subjectId, String branch, boolean includeDeleted) {
        return StoreTransaction.sql(() -> {
            String deleted = includeDeleted ? "" : " AND v.deleted = false";
            return versionQuery("WHERE v.subject_id = ? AND v.branch = ?" + deleted + " ORDER BY v.version", ps -> {
                ps.setLong(1, subjectId);
                ps.setString(2, branch);
            });
        });
    }

    /** The live versions of a branch without their text, in number order: a registration reads only what it needs. */
    @Override
    public List<VersionKey> keys(long subjectId, String branch) {
        return StoreTransaction.sql(() -> {
            List<VersionKey> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, branch, version, fingerprint FROM strata_versions "
                    + "WHERE subject_id = ? AND branch = ? AND deleted = false ORDER BY version")) {
                ps.setLong(1, subjectId);
                ps.setString(2, branch);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new VersionKey(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<SchemaVersion> byId(long id) {
        return StoreTransaction.sql(() -> {
            return versionQuery("WHERE v.id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
        });
    }

    /** Every version whose canonical form has {@code fingerprint}, across subjects, oldest first. */
    @Override
    public List<SchemaVersion> byFingerprint(String fingerprint) {
        return StoreTransaction.sql(() -> {
            return versionQuery("WHERE v.fingerprint = ? ORDER BY v.id", ps -> ps.setString(1, fingerprint));
        });
    }

    /** The highest number a branch ever gave out, deleted versions included, so a number is never reused. */
    @Override
    public int lastNumber(long subjectId, String branch) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) FROM strata_versions WHERE subject_id = ? AND branch = ?")) {
                ps.setLong(1, subjectId);
                ps.setString(2, branch);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void insert(SchemaVersion v) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_versions (id, subject_id, branch, "
                    + "version, semver, fingerprint, schema_text, canonical, author, message, deleted, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, v.id());
                ps.setLong(2, v.subjectId());
                ps.setString(3, v.branch());
                ps.setInt(4, v.version());
                ps.setString(5, v.semver());
                ps.setString(6, v.fingerprint());
                ps.setString(7, v.schema());
                ps.setString(8, v.canonical());
                ps.setString(9, v.author());
                ps.setString(10, v.message());
                ps.setBoolean(11, v.deleted());
                ps.setObject(12, StoreTransaction.time(v.createdAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void setDeleted(long id, boolean deleted) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_versions SET deleted = ? WHERE id = ?")) {
                ps.setBoolean(1, deleted);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void deleteRow(long id) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM strata_versions WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private List<SchemaVersion> versionQuery(String where, StoreTransaction.Binder binder) throws SQLException {
        List<SchemaVersion> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + VERSION_COLUMNS
                + " FROM strata_versions v JOIN strata_subjects s ON s.id = v.subject_id " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SchemaVersion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getBoolean(12), StoreTransaction.instant(rs, 13)));
                }
            }
        }
        return out;
    }
}

package io.strata.store;

import io.strata.model.SubjectFormat;
import io.strata.registry.Subject;
import io.strata.registry.SubjectRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SubjectTables is the store's table family of subjects, in one transaction: the adapter behind {@link SubjectRepository}. */
final class SubjectTables implements SubjectRepository {

    private final StoreTransaction tx;

    SubjectTables(StoreTransaction tx) {
        this.tx = tx;
    }

    private static final String SUBJECT_COLUMNS =
            "id, name, format, dialect, compatibility, owner, description, tags, deleted, created_at, updated_at";

    // ---- subjects

    @Override
    public Optional<Subject> byName(String name) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM strata_subjects WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(subject(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<Subject> byId(long id) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM strata_subjects WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(subject(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Subjects in name order; soft-deleted ones only when asked for. */
    @Override
    public List<Subject> all(boolean includeDeleted) {
        return StoreTransaction.sql(() -> {
            String where = includeDeleted ? "" : " WHERE deleted = false";
            List<Subject> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM strata_subjects"
                    + where + " ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(subject(rs));
                }
            }
            return out;
        });
    }

    @Override
    public void insert(Subject s) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_subjects (" + SUBJECT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, s.id());
                ps.setString(2, s.name());
                bindSubject(ps, 3, s);
                ps.setObject(10, StoreTransaction.time(s.createdAt()));
                ps.setObject(11, StoreTransaction.time(s.updatedAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void update(Subject s) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_subjects SET format = ?, dialect = ?, "
                    + "compatibility = ?, owner = ?, description = ?, tags = ?, deleted = ?, updated_at = ? WHERE id = ?")) {
                bindSubject(ps, 1, s);
                ps.setObject(8, StoreTransaction.time(s.updatedAt()));
                ps.setLong(9, s.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes the subject with its versions, branches and declared dependencies. */
    @Override
    public void deleteRows(long subjectId) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            for (String sql : List.of("DELETE FROM strata_dependencies WHERE subject_id = ?",
                    "DELETE FROM strata_versions WHERE subject_id = ?", "DELETE FROM strata_branches WHERE subject_id = ?",
                    "DELETE FROM strata_subjects WHERE id = ?")) {
                try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                    ps.setLong(1, subjectId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void bindSubject(PreparedStatement ps, int first, Subject s) throws SQLException {
        ps.setString(first, s.format().name());
        ps.setString(first + 1, s.dialect());
        ps.setString(first + 2, s.compatibility());
        ps.setString(first + 3, s.owner());
        ps.setString(first + 4, s.description());
        ps.setString(first + 5, String.join("\n", s.tags()));
        ps.setBoolean(first + 6, s.deleted());
    }

    private static Subject subject(ResultSet rs) throws SQLException {
        String tags = rs.getString(8);
        return new Subject(rs.getLong(1), rs.getString(2), SubjectFormat.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")), rs.getBoolean(9),
                StoreTransaction.instant(rs, 10), StoreTransaction.instant(rs, 11));
    }
}

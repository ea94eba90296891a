package io.strata.store;

import io.strata.registry.StoredBranch;
import io.strata.registry.StoredDependency;
import io.strata.registry.StoredReport;
import io.strata.registry.StoredSubject;
import io.strata.registry.StoredVersion;
import io.strata.registry.VersionKey;
import io.strata.audit.AuditEvent;
import io.strata.model.SubjectFormat;
import io.strata.rollout.CredentialsRef;
import io.strata.rollout.Environment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * StoreTransaction reads and writes the store's tables inside one transaction. A write starts with
 * {@link #lockForWrite()}, which locks the audit head: writers across every server queue there, so
 * version numbers and the audit chain are handed out one writer at a time.
 */
public final class StoreTransaction {

    private static final String SUBJECT_COLUMNS =
            "id, name, format, dialect, compatibility, owner, description, tags, deleted, created_at, updated_at";
    private static final String VERSION_COLUMNS = "v.id, v.subject_id, s.name, v.branch, v.version, v.semver, "
            + "v.fingerprint, v.schema_text, v.canonical, v.author, v.message, v.deleted, v.created_at";
    private static final String AUDIT_COLUMNS =
            "seq, at, actor, action, target, before_fp, after_fp, details, prev_hash, hash";

    private final Connection connection;
    private long headSeq = -1;
    private String headHash;

    StoreTransaction(Connection connection) {
        this.connection = connection;
    }

    /** The transaction's connection, for the store's other table classes ({@link WebhookTables}, {@link RolloutTables}). */
    Connection connection() {
        return connection;
    }

    /** The drift reports, in this transaction. */
    public DriftTables drift() {
        return new DriftTables(this);
    }

    /** The client versions applications report, in this transaction. */
    public ClientTables clients() {
        return new ClientTables(this);
    }

    /** The rollout tables, in this transaction. */
    public RolloutTables rollouts() {
        return new RolloutTables(this);
    }

    /** Locks the audit head for the rest of the transaction; every write calls it first. */
    public void lockForWrite() throws SQLException {
        if (headSeq >= 0) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, hash FROM strata_audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
    }

    /** Appends an event to the chain after the locked head. */
    public AuditEvent audit(String actor, String action, String target, String before, String after, String details)
            throws SQLException {
        lockForWrite();
        AuditEvent event = AuditEvent.next(headSeq + 1, headHash, Instant.now(), actor, action, target, before, after, details);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO strata_audit (" + AUDIT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, event.seq());
            ps.setObject(2, time(event.at()));
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
        try (PreparedStatement ps = connection.prepareStatement("UPDATE strata_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, event.seq());
            ps.setString(2, event.hash());
            ps.executeUpdate();
        }
        headSeq = event.seq();
        headHash = event.hash();
        return event;
    }

    /** A new global schema id, for a version: never handed out twice, across servers. */
    public long nextId() throws SQLException {
        return next("strata_ids");
    }

    /** A new id for a subject or a report. */
    public long nextRowId() throws SQLException {
        return next("strata_row_ids");
    }

    /** The next value of {@code sequence}: ids handed out outside the audit lock. */
    long next(String sequence) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT nextval('" + sequence + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- settings

    public Optional<String> config(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT setting FROM strata_config WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void setConfig(String name, String value) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE strata_config SET setting = ? WHERE name = ?")) {
            ps.setString(1, value);
            ps.setString(2, name);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO strata_config (name, setting) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    public void deleteConfig(String name) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM strata_config WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    /** How many hard deletes the store has seen: servers drop their caches of versions when it moves. */
    public long purges() throws SQLException {
        return config("purges").map(Long::parseLong).orElse(0L);
    }

    public void countPurge() throws SQLException {
        setConfig("purges", Long.toString(purges() + 1));
    }

    // ---- subjects

    public Optional<StoredSubject> subject(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM strata_subjects WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(subject(rs)) : Optional.empty();
            }
        }
    }

    public Optional<StoredSubject> subjectById(long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM strata_subjects WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(subject(rs)) : Optional.empty();
            }
        }
    }

    /** Subjects in name order; soft-deleted ones only when asked for. */
    public List<StoredSubject> subjects(boolean includeDeleted) throws SQLException {
        String where = includeDeleted ? "" : " WHERE deleted = false";
        List<StoredSubject> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + SUBJECT_COLUMNS + " FROM strata_subjects"
                + where + " ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(subject(rs));
            }
        }
        return out;
    }

    public void insertSubject(StoredSubject s) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO strata_subjects (" + SUBJECT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, s.id());
            ps.setString(2, s.name());
            bindSubject(ps, 3, s);
            ps.setObject(10, time(s.createdAt()));
            ps.setObject(11, time(s.updatedAt()));
            ps.executeUpdate();
        }
    }

    public void updateSubject(StoredSubject s) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE strata_subjects SET format = ?, dialect = ?, "
                + "compatibility = ?, owner = ?, description = ?, tags = ?, deleted = ?, updated_at = ? WHERE id = ?")) {
            bindSubject(ps, 1, s);
            ps.setObject(8, time(s.updatedAt()));
            ps.setLong(9, s.id());
            ps.executeUpdate();
        }
    }

    /** Removes the subject with its versions, branches and declared dependencies. */
    public void deleteSubjectRows(long subjectId) throws SQLException {
        lockForWrite();
        for (String sql : List.of("DELETE FROM strata_dependencies WHERE subject_id = ?",
                "DELETE FROM strata_versions WHERE subject_id = ?", "DELETE FROM strata_branches WHERE subject_id = ?",
                "DELETE FROM strata_subjects WHERE id = ?")) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, subjectId);
                ps.executeUpdate();
            }
        }
    }

    private static void bindSubject(PreparedStatement ps, int first, StoredSubject s) throws SQLException {
        ps.setString(first, s.format().name());
        ps.setString(first + 1, s.dialect());
        ps.setString(first + 2, s.compatibility());
        ps.setString(first + 3, s.owner());
        ps.setString(first + 4, s.description());
        ps.setString(first + 5, String.join("\n", s.tags()));
        ps.setBoolean(first + 6, s.deleted());
    }

    private static StoredSubject subject(ResultSet rs) throws SQLException {
        String tags = rs.getString(8);
        return new StoredSubject(rs.getLong(1), rs.getString(2), SubjectFormat.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")), rs.getBoolean(9),
                instant(rs, 10), instant(rs, 11));
    }

    // ---- versions

    /** The versions of a subject's branch in number order; soft-deleted ones only when asked for. */
    public List<StoredVersion> versions(long subjectId, String branch, boolean includeDeleted) throws SQLException {
        String deleted = includeDeleted ? "" : " AND v.deleted = false";
        return versionQuery("WHERE v.subject_id = ? AND v.branch = ?" + deleted + " ORDER BY v.version", ps -> {
            ps.setLong(1, subjectId);
            ps.setString(2, branch);
        });
    }

    /** The live versions of a branch without their text, in number order: a registration reads only what it needs. */
    public List<VersionKey> versionKeys(long subjectId, String branch) throws SQLException {
        List<VersionKey> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, branch, version, fingerprint FROM strata_versions "
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
    }

    public Optional<StoredVersion> versionById(long id) throws SQLException {
        return versionQuery("WHERE v.id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    /** Every version whose canonical form has {@code fingerprint}, across subjects, oldest first. */
    public List<StoredVersion> versionsByFingerprint(String fingerprint) throws SQLException {
        return versionQuery("WHERE v.fingerprint = ? ORDER BY v.id", ps -> ps.setString(1, fingerprint));
    }

    /** The highest number a branch ever gave out, deleted versions included, so a number is never reused. */
    public int lastVersionNumber(long subjectId, String branch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM strata_versions WHERE subject_id = ? AND branch = ?")) {
            ps.setLong(1, subjectId);
            ps.setString(2, branch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void insertVersion(StoredVersion v) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO strata_versions (id, subject_id, branch, "
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
            ps.setObject(12, time(v.createdAt()));
            ps.executeUpdate();
        }
    }

    public void setVersionDeleted(long id, boolean deleted) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE strata_versions SET deleted = ? WHERE id = ?")) {
            ps.setBoolean(1, deleted);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public void deleteVersionRow(long id) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM strata_versions WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private List<StoredVersion> versionQuery(String where, Binder binder) throws SQLException {
        List<StoredVersion> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + VERSION_COLUMNS
                + " FROM strata_versions v JOIN strata_subjects s ON s.id = v.subject_id " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredVersion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getBoolean(12), instant(rs, 13)));
                }
            }
        }
        return out;
    }

    // ---- branches

    public Optional<StoredBranch> branch(long subjectId, String name) throws SQLException {
        return branchQuery("WHERE subject_id = ? AND name = ?", ps -> {
            ps.setLong(1, subjectId);
            ps.setString(2, name);
        }).stream().findFirst();
    }

    public List<StoredBranch> branches(long subjectId) throws SQLException {
        return branchQuery("WHERE subject_id = ? ORDER BY name", ps -> ps.setLong(1, subjectId));
    }

    public void insertBranch(StoredBranch b) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO strata_branches (subject_id, name, "
                + "base_version, state, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, b.subjectId());
            ps.setString(2, b.name());
            ps.setInt(3, b.baseVersion());
            ps.setString(4, b.state());
            ps.setObject(5, time(b.createdAt()));
            ps.executeUpdate();
        }
    }

    public void setBranchState(long subjectId, String name, String state) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE strata_branches SET state = ? WHERE subject_id = ? AND name = ?")) {
            ps.setString(1, state);
            ps.setLong(2, subjectId);
            ps.setString(3, name);
            ps.executeUpdate();
        }
    }

    private List<StoredBranch> branchQuery(String where, Binder binder) throws SQLException {
        List<StoredBranch> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT subject_id, name, base_version, state, created_at FROM strata_branches " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredBranch(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), instant(rs, 5)));
                }
            }
        }
        return out;
    }

    // ---- dependencies

    /** Every declared dependency, by subject name. */
    public List<StoredDependency> dependencies() throws SQLException {
        List<StoredDependency> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.name, u.name, d.kind FROM strata_dependencies d "
                + "JOIN strata_subjects s ON s.id = d.subject_id JOIN strata_subjects u ON u.id = d.upstream_id "
                + "ORDER BY s.name, u.name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredDependency(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** Replaces what {@code subjectId} declares it depends on. */
    public void replaceDependencies(long subjectId, List<Long> upstreamIds, List<String> kinds) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM strata_dependencies WHERE subject_id = ?")) {
            ps.setLong(1, subjectId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO strata_dependencies (subject_id, upstream_id, kind) VALUES (?, ?, ?)")) {
            for (int i = 0; i < upstreamIds.size(); i++) {
                ps.setLong(1, subjectId);
                ps.setLong(2, upstreamIds.get(i));
                ps.setString(3, kinds.get(i));
                ps.executeUpdate();
            }
        }
    }

    // ---- environments

    private static final String ENVIRONMENT_COLUMNS = "name, tier, promotion_order, env_group, dialect, url, credentials, "
            + "allow_destructive, lint_severities, created_at";

    /** Environments in promotion order, then by name. */
    public List<Environment> environments() throws SQLException {
        List<Environment> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + ENVIRONMENT_COLUMNS
                + " FROM strata_environments ORDER BY promotion_order, name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(environment(rs));
            }
        }
        return out;
    }

    public Optional<Environment> environment(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + ENVIRONMENT_COLUMNS
                + " FROM strata_environments WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(environment(rs)) : Optional.empty();
            }
        }
    }

    public void insertEnvironment(Environment e) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO strata_environments (" + ENVIRONMENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.name());
            ps.setString(2, e.tier());
            ps.setInt(3, e.order());
            ps.setString(4, e.group());
            ps.setString(5, e.dialect());
            ps.setString(6, e.url());
            ps.setString(7, e.credentials().text());
            ps.setBoolean(8, e.policy().allowDestructive());
            StringBuilder severities = new StringBuilder();
            new java.util.TreeMap<>(e.policy().lintSeverities()).forEach((code, severity) ->
                    severities.append(code).append('=').append(severity).append('\n'));
            ps.setString(9, severities.toString());
            ps.setObject(10, time(e.createdAt()));
            ps.executeUpdate();
        }
    }

    public boolean deleteEnvironment(String name) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM strata_environments WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    private static Environment environment(ResultSet rs) throws SQLException {
        java.util.Map<String, String> severities = new java.util.LinkedHashMap<>();
        for (String line : rs.getString(9).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                severities.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Environment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), CredentialsRef.parse(rs.getString(7)), new Environment.Policy(rs.getBoolean(8), severities),
                instant(rs, 10));
    }

    // ---- validation reports

    public void insertReport(StoredReport r) throws SQLException {
        lockForWrite();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO strata_reports (id, subject, level, compatible, "
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
            ps.setObject(6, time(r.createdAt()));
            ps.executeUpdate();
        }
    }

    /** Reports newest first, those with an id below {@code beforeId} (0: from the newest). */
    public List<StoredReport> reports(long beforeId, int limit) throws SQLException {
        List<StoredReport> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, subject, level, compatible, body, created_at "
                + "FROM strata_reports WHERE id < ? ORDER BY id DESC LIMIT ?")) {
            ps.setLong(1, beforeId <= 0 ? Long.MAX_VALUE : beforeId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), instant(rs, 6)));
                }
            }
        }
        return out;
    }

    // ---- audit

    /** Events with a sequence number above {@code afterSeq}, oldest first. */
    public List<AuditEvent> auditEvents(long afterSeq, int limit) throws SQLException {
        List<AuditEvent> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + AUDIT_COLUMNS
                + " FROM strata_audit WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEvent(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** The head row: the last sequence number written and its hash. */
    public AuditHead auditHead() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, hash FROM strata_audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new AuditHead(rs.getLong(1), rs.getString(2));
        }
    }

    /** The last event written, as the head row remembers it. */
    public record AuditHead(long seq, String hash) {
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

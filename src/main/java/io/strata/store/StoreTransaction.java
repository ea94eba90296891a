package io.strata.store;

import io.strata.audit.AuditLog;
import io.strata.events.WebhookTransaction;
import io.strata.rollout.RolloutTransaction;
import io.strata.security.SecretBox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * StoreTransaction is one transaction on the store, handing out its table families (one adapter class per
 * family, each implementing a domain port). A write starts with {@link #lockForWrite()}, which locks the audit
 * head: writers across every server queue there, so version numbers and the audit chain are handed out one
 * writer at a time.
 */
public final class StoreTransaction implements RolloutTransaction, WebhookTransaction {

    private final Connection connection;
    private final SecretBox secrets;
    /** The audit head this transaction locked (-1: not locked yet), moved by each event it appends. */
    private long headSeq = -1;
    private String headHash;

    StoreTransaction(Connection connection, SecretBox secrets) {
        this.connection = connection;
        this.secrets = secrets;
    }

    /** The transaction's connection, for the table families. */
    Connection connection() {
        return connection;
    }

    /** What seals the secrets the table families store. */
    SecretBox secrets() {
        return secrets;
    }

    @Override
    public SubjectTables subjects() {
        return new SubjectTables(this);
    }

    @Override
    public VersionTables versions() {
        return new VersionTables(this);
    }

    @Override
    public BranchTables branches() {
        return new BranchTables(this);
    }

    @Override
    public DependencyTables dependencies() {
        return new DependencyTables(this);
    }

    @Override
    public ConfigTables configs() {
        return new ConfigTables(this);
    }

    @Override
    public ReportTables reports() {
        return new ReportTables(this);
    }

    @Override
    public AuditLog audit() {
        return new AuditTables(this);
    }

    @Override
    public EnvironmentTables environments() {
        return new EnvironmentTables(this);
    }

    @Override
    public DriftTables drift() {
        return new DriftTables(this);
    }

    @Override
    public ClientTables clients() {
        return new ClientTables(this);
    }

    @Override
    public RolloutTables rollouts() {
        return new RolloutTables(this);
    }

    @Override
    public ApprovalTables approvals() {
        return new ApprovalTables(this);
    }

    @Override
    public WebhookTables webhooks() {
        return new WebhookTables(this);
    }

    /** The API keys (hashed secrets only). */
    public KeyTables keys() {
        return new KeyTables(this);
    }

    @Override
    public void lockForWrite() {
        if (headSeq >= 0) {
            return;
        }
        sql(() -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT seq, hash FROM strata_audit_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            return null;
        });
    }

    long headSeq() {
        return headSeq;
    }

    String headHash() {
        return headHash;
    }

    /** Records the event just appended as the head this transaction holds. */
    void moveHead(long seq, String hash) {
        headSeq = seq;
        headHash = hash;
    }

    @Override
    public long nextId() {
        return next("strata_ids");
    }

    @Override
    public long nextRowId() {
        return next("strata_row_ids");
    }

    /** The next value of {@code sequence}: ids handed out outside the audit lock. */
    long next(String sequence) {
        return sql(() -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT nextval('" + sequence + "')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Work on the store's tables that JDBC lets fail with an {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work}, turning an {@link SQLException} into a {@link StoreException}: the ports the table families
     * implement say nothing of JDBC, and the transaction is rolled back either way.
     */
    static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
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

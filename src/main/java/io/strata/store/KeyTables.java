package io.strata.store;

import io.strata.security.ApiKey;
import io.strata.security.ApiKeyRepository;
import io.strata.security.Role;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** KeyTables keeps API keys (their hashed secrets, never the secrets) inside one {@link StoreTransaction}. */
public final class KeyTables implements ApiKeyRepository {

    private static final String COLUMNS =
            "id, holder, role, team, secret_hash, created_by, created_at, expires_at, last_used_at, revoked_at";

    private final StoreTransaction tx;

    KeyTables(StoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ApiKey key) {
        StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_api_keys (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key.id());
                ps.setString(2, key.holder());
                ps.setString(3, key.role().label());
                ps.setString(4, key.team());
                ps.setString(5, key.secretHash());
                ps.setString(6, key.createdBy());
                ps.setObject(7, StoreTransaction.time(key.createdAt()));
                ps.setObject(8, key.expiresAt() == null ? null : StoreTransaction.time(key.expiresAt()));
                ps.setObject(9, null);
                ps.setObject(10, null);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return query("WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<ApiKey> all() {
        return query("ORDER BY created_at, id", null);
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return update("UPDATE strata_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", id, at) == 1;
    }

    @Override
    public void touch(String id, Instant at) {
        update("UPDATE strata_api_keys SET last_used_at = ? WHERE id = ?", id, at);
    }

    private int update(String sql, String id, Instant at) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                ps.setObject(1, StoreTransaction.time(at));
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private List<ApiKey> query(String where, String id) {
        return StoreTransaction.sql(() -> {
            List<ApiKey> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM strata_api_keys " + where)) {
                if (id != null) {
                    ps.setString(1, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String roleName = rs.getString(3);
        Role role = Role.named(roleName).orElseThrow(() -> new IllegalStateException("API key " + id
                + " has an unknown role in the store: " + roleName));
        return new ApiKey(id, rs.getString(2), role, rs.getString(4), rs.getString(5), rs.getString(6),
                StoreTransaction.instant(rs, 7), StoreTransaction.instant(rs, 8), StoreTransaction.instant(rs, 9),
                StoreTransaction.instant(rs, 10));
    }
}

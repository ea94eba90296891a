package io.strata.store;

import io.strata.registry.ConfigRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** ConfigTables is the store's table family of the store's settings (global level, mode, the purge counter), in one transaction: the adapter behind {@link ConfigRepository}. */
final class ConfigTables implements ConfigRepository {

    private final StoreTransaction tx;

    ConfigTables(StoreTransaction tx) {
        this.tx = tx;
    }

    // ---- settings

    @Override
    public Optional<String> get(String name) {
        return StoreTransaction.sql(() -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT setting FROM strata_config WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void set(String name, String value) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE strata_config SET setting = ? WHERE name = ?")) {
                ps.setString(1, value);
                ps.setString(2, name);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO strata_config (name, setting) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void delete(String name) {
        StoreTransaction.sql(() -> {
            tx.lockForWrite();
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM strata_config WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** How many hard deletes the store has seen: servers drop their caches of versions when it moves. */
    @Override
    public long purges() {
        return get("purges").map(Long::parseLong).orElse(0L);
    }

    @Override
    public void countPurge() {
        set("purges", Long.toString(purges() + 1));
    }
}

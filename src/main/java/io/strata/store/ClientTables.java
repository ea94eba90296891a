package io.strata.store;

import io.strata.rollout.ClientRepository;

import io.strata.rollout.ClientVersion;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** ClientTables keeps the client versions applications report, inside a store transaction. */
public final class ClientTables implements ClientRepository {

    private final StoreTransaction tx;

    ClientTables(StoreTransaction tx) {
        this.tx = tx;
    }

    /** Records a heartbeat: inserts the client or refreshes its versions and time. */
    @Override
    public void heartbeat(ClientVersion c) {
        StoreTransaction.sql(() -> {
            try (PreparedStatement update = tx.connection().prepareStatement("UPDATE strata_clients SET reads = ?, writes = ?, "
                    + "last_seen = ? WHERE environment = ? AND subject = ? AND service = ? AND instance = ?")) {
                update.setInt(1, c.reads());
                update.setInt(2, c.writes());
                update.setObject(3, StoreTransaction.time(c.lastSeen()));
                update.setString(4, c.environment());
                update.setString(5, c.subject());
                update.setString(6, c.service());
                update.setString(7, c.instance());
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO strata_clients (environment, subject, "
                    + "service, instance, reads, writes, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, c.environment());
                insert.setString(2, c.subject());
                insert.setString(3, c.service());
                insert.setString(4, c.instance());
                insert.setInt(5, c.reads());
                insert.setInt(6, c.writes());
                insert.setObject(7, StoreTransaction.time(c.lastSeen()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The clients of {@code environment} heard from since {@code since}, by subject, service and instance. */
    @Override
    public List<ClientVersion> live(String environment, Instant since) {
        return StoreTransaction.sql(() -> {
            List<ClientVersion> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT environment, subject, service, instance, reads, "
                    + "writes, last_seen FROM strata_clients WHERE environment = ? AND last_seen >= ? "
                    + "ORDER BY subject, service, instance")) {
                ps.setString(1, environment);
                ps.setObject(2, StoreTransaction.time(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ClientVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getInt(6), StoreTransaction.instant(rs, 7)));
                    }
                }
            }
            return out;
        });
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.Locker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * MySqlLocker is Strata's migration lock on MySQL/MariaDB: a named user lock ({@code GET_LOCK}).
 * Named locks are server-wide, so the name carries the database.
 */
final class MySqlLocker implements Locker {

    private static final String NAME = "CONCAT('strata:', DATABASE())";

    @Override
    public boolean tryLock(Connection connection, Duration wait) throws SQLException {
        // GET_LOCK waits in whole seconds on MySQL; rounding up never gives up early.
        long seconds = (wait.toMillis() + 999) / 1000;
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(" + NAME + ", ?)")) {
            ps.setLong(1, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public void unlock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(" + NAME + ")")) {
            ps.executeQuery().close();
        }
    }

    @Override
    public Optional<String> holder(Connection connection) throws SQLException {
        long id;
        try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(" + NAME + ")");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getObject(1) == null) {
                return Optional.empty();
            }
            id = rs.getLong(1);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of("connection " + id);
                }
                return Optional.of("connection " + id + " (user " + rs.getString(1) + ", client " + rs.getString(2)
                        + ", connected " + rs.getLong(3) + " s in its current state)");
            }
        }
    }
}

package io.strata.dialect.postgres;

import io.strata.dialect.Locker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgresLocker is Strata's migration lock on PostgreSQL: a session advisory lock, polled with
 * {@code pg_try_advisory_lock} so a waiting migrator never queues inside the server.
 */
final class PostgresLocker implements Locker {

    /**
     * The advisory key. It is below 2^31 so that pg_locks shows it as classid 0, objid KEY, which is how
     * the holder is found. Advisory locks are per database, so one key serves every database.
     */
    static final long KEY = 0x57A7A001L;

    private static final long POLL_MILLIS = 100;

    @Override
    public boolean tryLock(Connection connection, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    @Override
    public void unlock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.executeQuery().close();
        }
    }

    @Override
    public Optional<String> holder(Connection connection) throws SQLException {
        String sql = """
                SELECT a.pid, a.usename, a.application_name, a.client_addr::text, a.backend_start
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objsubid = 1
                  AND l.objid::text::bigint = ?
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())""";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String client = rs.getString(4);
                return Optional.of("pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", application \""
                        + rs.getString(3) + "\", client " + (client == null ? "local socket" : client)
                        + ", connected since " + rs.getTimestamp(5).toInstant() + ")");
            }
        }
    }
}

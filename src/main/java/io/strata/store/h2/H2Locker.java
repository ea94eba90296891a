package io.strata.store.h2;

import io.strata.dialect.Locker;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2Locker keeps migrators of one embedded store apart. H2 has no advisory locks, but an embedded H2 file
 * is opened by one process only (H2 locks the file), so a lock inside this JVM, per database, is enough.
 */
final class H2Locker implements Locker {

    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    @Override
    public boolean tryLock(Connection connection, Duration wait) throws SQLException {
        try {
            return lockOf(connection).tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void unlock(Connection connection) throws SQLException {
        ReentrantLock lock = lockOf(connection);
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    @Override
    public Optional<String> holder(Connection connection) throws SQLException {
        return lockOf(connection).isLocked() ? Optional.of("another migrator in this process") : Optional.empty();
    }

    private static ReentrantLock lockOf(Connection connection) throws SQLException {
        return LOCKS.computeIfAbsent(connection.getMetaData().getURL(), url -> new ReentrantLock());
    }
}

package io.strata.migrate;

import io.strata.dialect.Locker;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * MigrationLock is the target's advisory lock held for one run: taken before the history is read and
 * released after it is written, so create, read, apply and record happen under it.
 */
final class MigrationLock implements AutoCloseable {

    private final Connection connection;
    private final Locker locker;

    private MigrationLock(Connection connection, Locker locker) {
        this.connection = connection;
        this.locker = locker;
    }

    /** Takes the lock, waiting up to {@code wait}; when it stays taken, the exception names the holder. */
    static MigrationLock acquire(Connection connection, Locker locker, Duration wait, String target) throws SQLException {
        if (!locker.tryLock(connection, wait)) {
            String holder = locker.holder(connection).orElse("a session that has just released it");
            throw new LockUnavailableException("another migration holds the lock on " + target + " after waiting "
                    + wait.toMillis() + " ms: " + holder);
        }
        return new MigrationLock(connection, locker);
    }

    @Override
    public void close() throws SQLException {
        if (!connection.isClosed()) {
            locker.unlock(connection);
        }
    }
}

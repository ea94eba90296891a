package io.strata.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A Locker is a dialect's advisory lock that keeps one migrator at a time on a database. The lock
 * belongs to the session, so a crashed holder's lock dies with its connection.
 */
public interface Locker {

    /** Takes the lock on {@code connection}, waiting up to {@code wait}; false when another session kept it. */
    boolean tryLock(Connection connection, Duration wait) throws SQLException;

    /** Releases the lock taken on {@code connection}. */
    void unlock(Connection connection) throws SQLException;

    /** Who holds the lock now (process id, application, client, since when), or empty when nobody does. */
    Optional<String> holder(Connection connection) throws SQLException;
}

package io.strata.migrate;

import io.strata.dialect.HistoryDialect;

import java.sql.SQLException;
import java.time.Duration;

/**
 * StatementRunner runs one unit of work (a statement, or a whole transaction) and, when it gave way on
 * a lock timeout, runs it again after a doubling pause: a migration must never queue behind a long
 * transaction and block the table for everyone, but should still get through once that transaction ends.
 */
final class StatementRunner {

    /** A unit of work against the database that may be attempted more than once. */
    @FunctionalInterface
    interface Attempt {
        void run() throws SQLException;
    }

    private final HistoryDialect dialect;
    private final ApplySettings settings;

    StatementRunner(HistoryDialect dialect, ApplySettings settings) {
        this.dialect = dialect;
        this.settings = settings;
    }

    /** Runs {@code attempt}; the last lock timeout, or any other error, is thrown. */
    void run(Attempt attempt) throws SQLException {
        Duration pause = settings.backoff();
        for (int tried = 0; ; tried++) {
            try {
                attempt.run();
                return;
            } catch (SQLException e) {
                if (!dialect.isLockTimeout(e) || tried >= settings.retries()) {
                    throw e;
                }
            }
            sleep(pause);
            pause = pause.multipliedBy(2);
        }
    }

    private static void sleep(Duration pause) throws SQLException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry", e);
        }
    }
}

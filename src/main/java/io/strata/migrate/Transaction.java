package io.strata.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Transaction runs work on a connection in one transaction: committed whole, or rolled back whole on an error. */
final class Transaction {

    private Transaction() {
    }

    /** Runs {@code work} in one transaction on {@code connection}, which is back in autocommit afterwards. */
    static void run(Connection connection, StatementRunner.Attempt work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Runs one statement that returns no rows the caller needs. */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}

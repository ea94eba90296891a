package io.strata.cli;

import io.strata.testing.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The sessions of a killed Strata process on MariaDB, for the crash tests. */
final class MySqlSessions {

    private MySqlSessions() {
    }

    /**
     * Waits until session {@code id} of the killed process is gone: MariaDB ends a dead client's session, and the
     * statement it ran, within moments (seen here in under a second); should it not, ends it as the server would.
     */
    static void end(String url, long id) throws Exception {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            for (int i = 0; i < 50 && alive(s, id); i++) {
                Thread.sleep(20);
            }
            if (alive(s, id)) {
                s.execute("KILL CONNECTION " + id);
            }
            for (int i = 0; i < 250 && alive(s, id); i++) {
                Thread.sleep(20);
            }
        }
    }

    private static boolean alive(Statement s, long id) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE id = " + id)) {
            return rs.next();
        }
    }
}

package io.strata.migrate;

import io.strata.dialect.Quoter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BackupStore is the backup schema of one target as the history describes it: the backups that still
 * exist, and their removal, which happens only when a user prunes them.
 */
final class BackupStore {

    private BackupStore() {
    }

    /** The backups the history recorded that still exist. */
    static List<Backup> list(Connection connection, HistoryTable history) throws SQLException {
        Set<String> present = present(connection);
        return history.backupsRecorded().stream().filter(b -> present.contains(b.table())).toList();
    }

    /** Names of the tables in the backup schema. */
    static Set<String> present(Connection connection) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            ps.setString(1, BackupPlanner.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static void drop(Connection connection, Quoter quoter, List<Backup> backups) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (Backup b : backups) {
                s.execute("DROP TABLE IF EXISTS " + quoter.qualified(BackupPlanner.SCHEMA, b.table()));
            }
        }
    }
}

package io.strata.migrate;

import io.strata.dialect.Quoter;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * TableRows says whether a table holds rows, asked when a step would destroy data of a table without a primary
 * key (which cannot be backed up by key): an empty one loses nothing. The answer is exact, read from the table:
 * the statistics' row estimate can be zero for a table that has rows, or stale after a bulk delete.
 */
@FunctionalInterface
public interface TableRows {

    /** Whether table {@code table} of {@code schema} holds no row. */
    boolean empty(String schema, String table);

    /** The tables of the database behind {@code connection}. */
    static TableRows of(Connection connection, Quoter q) {
        return (schema, table) -> {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM " + q.qualified(schema, table) + " LIMIT 1")) {
                return !rs.next();
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.INTERNAL, "cannot tell whether table " + schema + "." + table
                        + " holds rows: " + e.getMessage(), e);
            }
        };
    }
}

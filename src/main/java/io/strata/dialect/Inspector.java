package io.strata.dialect;

import io.strata.model.Catalog;

import java.sql.Connection;
import java.util.List;

/**
 * An Inspector reads a live database's catalog into a {@link Catalog}. It issues a fixed number of
 * catalog queries whatever the number of tables, so inspecting 2,000 tables costs what 20 cost.
 */
public interface Inspector {

    /**
     * Inspects the given schemas of the database {@code connection} is connected to; an empty list
     * means every user schema (PostgreSQL: all but the system ones; MySQL: the connection's database).
     */
    Catalog inspect(Connection connection, List<String> schemas);

    /**
     * Inspects the database behind {@code connections}. The default uses one connection; an inspector
     * may open a second to overlap its slowest catalog query with the others.
     */
    default Catalog inspect(ConnectionSource connections, List<String> schemas) {
        try (Connection connection = connections.open()) {
            return inspect(connection, schemas);
        } catch (java.sql.SQLException e) {
            throw new io.strata.error.StrataException(io.strata.error.ErrorCode.UNREACHABLE,
                    "cannot close the inspection connection: " + e.getMessage(), e);
        }
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.DevDatabase;
import io.strata.dialect.Inspector;
import io.strata.dialect.JdbcUrls;
import io.strata.dialect.SqlScript;
import io.strata.dialect.SqlStatements;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * MySqlDevDatabase is a scratch database on a MySQL/MariaDB server named by URL: each replay creates
 * a database with a unique name, runs the scripts in it, inspects it and drops it.
 */
public final class MySqlDevDatabase implements DevDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String serverUrl;
    private final Inspector inspector;

    /** @param serverUrl the server's URL as the driver takes it ({@link MySqlDialect#driverUrl}) */
    MySqlDevDatabase(String serverUrl, Inspector inspector) {
        this.serverUrl = serverUrl;
        this.inspector = inspector;
    }

    @Override
    public Catalog replay(List<SqlScript> scripts) {
        String database = new MySqlQuoter().ident("strata_dev_" + HexFormat.of().formatHex(randomBytes()));
        try (Connection connection = JdbcUrls.open(serverUrl)) {
            execute(connection, "CREATE DATABASE " + database);
            Catalog catalog;
            try {
                catalog = replayIn(connection, unquoted(database), scripts);
            } catch (RuntimeException e) {
                try {
                    drop(connection, database);
                } catch (RuntimeException dropFailure) {
                    e.addSuppressed(dropFailure);
                }
                throw e;
            }
            drop(connection, database);
            return catalog;
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot create scratch database " + database + " on "
                    + JdbcUrls.redact(serverUrl) + ": " + message(e), e);
        }
    }

    private Catalog replayIn(Connection connection, String database, List<SqlScript> scripts) {
        try {
            connection.setCatalog(database);
            for (SqlScript script : scripts) {
                run(connection, script);
            }
            // A script may have switched databases with USE; inspect the scratch one regardless.
            connection.setCatalog(database);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot use scratch database " + database + ": " + message(e), e);
        }
        return inspector.inspect(connection, List.of(database));
    }

    private static String unquoted(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    private static void run(Connection connection, SqlScript script) {
        for (SqlStatements.Statement statement : SqlStatements.split(script.text(), true)) {
            try (Statement s = connection.createStatement()) {
                s.execute(statement.text());
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.BAD_INPUT,
                        script.name() + ":" + statement.line() + ": " + message(e), e);
            }
        }
    }

    /** Drops the scratch database without hiding the error that may be on its way out. */
    private static void drop(Connection connection, String quotedName) {
        try {
            execute(connection, "DROP DATABASE IF EXISTS " + quotedName);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot drop scratch database " + quotedName + ": " + message(e), e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The server's message without the driver's {@code (conn=12)} prefix, passwords redacted. */
    private static String message(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceFirst("^\\(conn=\\d+\\)\\s*", "");
        return JdbcUrls.redact(m.lines().findFirst().orElse(m));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Nothing to stop: the server belongs to the user. */
    @Override
    public void close() {
    }
}

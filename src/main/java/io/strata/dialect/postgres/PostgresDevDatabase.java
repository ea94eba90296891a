package io.strata.dialect.postgres;

import io.strata.dialect.DevDatabase;
import io.strata.dialect.JdbcUrls;
import io.strata.dialect.SqlScript;
import io.strata.dialect.SqlStatements;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgresDevDatabase is the PostgreSQL scratch database: each {@link #replay} creates a fresh database
 * on a server (one named by URL, or Strata's embedded server), runs the scripts there, inspects the
 * result and drops the database.
 */
public final class PostgresDevDatabase implements DevDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresQuoter quoter = new PostgresQuoter();
    private final PostgresInspector inspector = new PostgresInspector();
    private final boolean embedded;
    private String serverUrl;
    private boolean closed;

    private PostgresDevDatabase(String serverUrl, boolean embedded) {
        this.serverUrl = serverUrl;
        this.embedded = embedded;
    }

    /** Scratch databases on the server behind {@code serverUrl}; its login needs CREATEDB. */
    public static PostgresDevDatabase at(String serverUrl) {
        return new PostgresDevDatabase(serverUrl, false);
    }

    /** Scratch databases on the JVM's embedded server, started on the first replay. */
    public static PostgresDevDatabase embedded() {
        return new PostgresDevDatabase(null, true);
    }

    @Override
    public Catalog replay(List<SqlScript> scripts) {
        String server = server();
        String database = "strata_dev_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()
                + "_" + Integer.toHexString(RANDOM.nextInt(0x10000));
        admin(server, "CREATE DATABASE " + quoter.ident(database) + " TEMPLATE template0", "create");
        try {
            try (Connection c = JdbcUrls.open(withDatabase(server, database))) {
                c.setAutoCommit(true);
                for (SqlScript script : scripts) {
                    run(c, script);
                }
                try (Statement s = c.createStatement()) {
                    // A script's SET search_path would change how the server prints names during inspection.
                    s.execute("RESET ALL");
                }
                return inspector.inspect(c, List.of());
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.INTERNAL, "scratch database: " + JdbcUrls.redact(firstLine(e)), e);
            }
        } finally {
            drop(server, database);
        }
    }

    private void run(Connection c, SqlScript script) {
        for (SqlStatements.Statement st : SqlStatements.split(script.text(), false)) {
            try (Statement s = c.createStatement()) {
                s.setEscapeProcessing(false);
                s.execute(st.text());
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.BAD_INPUT,
                        script.name() + ":" + errorLine(st, e) + ": " + JdbcUrls.redact(serverMessage(e)), e);
            }
        }
    }

    /** The line of the error: the statement's first line, moved down by the server's error position when it gives one. */
    static int errorLine(SqlStatements.Statement st, SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (m == null || m.getPosition() <= 0) {
            return st.line();
        }
        String text = st.text();
        int start = firstTokenOffset(text);
        int pos = Math.min(m.getPosition() - 1, text.length());
        if (pos < start) {
            return st.line();
        }
        return st.line() + (int) text.substring(start, pos).chars().filter(ch -> ch == '\n').count();
    }

    /** Offset of the first character after leading comments and blanks: the character on the statement's line. */
    private static int firstTokenOffset(String text) {
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("--", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static String serverMessage(SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (m != null && m.getMessage() != null) {
            return (m.getSeverity() == null ? "ERROR" : m.getSeverity()) + ": " + m.getMessage();
        }
        return firstLine(e);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private synchronized String server() {
        if (closed) {
            throw new StrataException(ErrorCode.INTERNAL, "the scratch database was closed");
        }
        if (serverUrl == null) {
            serverUrl = PostgresEmbeddedServer.acquire();
        }
        return serverUrl;
    }

    private void drop(String server, String database) {
        try (Connection c = JdbcUrls.open(server); Statement s = c.createStatement()) {
            boolean force = c.getMetaData().getDatabaseMajorVersion() >= 13;
            s.execute("DROP DATABASE IF EXISTS " + quoter.ident(database) + (force ? " WITH (FORCE)" : ""));
        } catch (SQLException | StrataException e) {
            // Leaving a scratch database behind is untidy, not wrong; the replay's own result or error matters more.
        }
    }

    private static void admin(String server, String sql, String verb) {
        try (Connection c = JdbcUrls.open(server); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.NOT_CONFIGURED, "cannot " + verb + " a scratch database on "
                    + JdbcUrls.redact(server) + ": " + JdbcUrls.redact(firstLine(e)), e);
        }
    }

    /** {@code url} pointing at {@code database} instead, with its parameters kept. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql:";
        if (!url.startsWith(prefix)) {
            throw StrataException.badInput("not a PostgreSQL JDBC URL: " + JdbcUrls.redact(url));
        }
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String body = url.substring(prefix.length(), query < 0 ? url.length() : query);
        if (body.startsWith("//")) {
            int slash = body.indexOf('/', 2);
            String host = slash < 0 ? body : body.substring(0, slash);
            return prefix + host + "/" + database + params;
        }
        return prefix + database + params;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (embedded && serverUrl != null) {
                PostgresEmbeddedServer.release();
            }
        }
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.AnyOrderReplay;
import io.strata.dialect.ConnectionTimeouts;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.Inspector;
import io.strata.dialect.JdbcUrls;
import io.strata.dialect.SchemaFilter;
import io.strata.dialect.ScriptStatement;
import io.strata.dialect.SqlScript;
import io.strata.dialect.SqlStatements;
import io.strata.dialect.SubmittedReplay;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * MySqlDevDatabase is a scratch database on a MySQL/MariaDB server named by URL: each replay creates
 * a database with a unique name, runs the scripts in it, inspects it and drops it.
 */
public final class MySqlDevDatabase implements DevDatabase {

    private static final java.util.regex.Pattern SCRATCH_QUALIFIER = java.util.regex.Pattern.compile("`?strata_dev_[0-9a-f]+`?\\.");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MySqlQuoter QUOTER = new MySqlQuoter();
    private static final MySqlSchemaFilter FILTER = new MySqlSchemaFilter();
    /** The driver parameters of the server's URL that the replay account's own properties replace. */
    private static final Set<String> LOGIN_PARAMETERS = Set.of("user", "password", "allowMultiQueries");
    private static final int ER_OPTION_PREVENTS_STATEMENT = 1290;
    private static final int ER_CANT_CREATE_TABLE = 1005;
    /** No such table, unknown database, no such routine, unknown column, foreign key parent missing or unusable. */
    private static final Set<Integer> MISSING_OBJECT_CODES = Set.of(1146, 1049, 1305, 1054, 1824, 1215, 1822);

    private final String serverUrl;
    private final Inspector inspector;

    /** @param serverUrl the server's URL as the driver takes it ({@link MySqlDialect#driverUrl}) */
    MySqlDevDatabase(String serverUrl, Inspector inspector) {
        this.serverUrl = serverUrl;
        this.inspector = inspector;
    }

    @Override
    public Catalog replay(List<SqlScript> scripts) {
        return replay(scripts, false);
    }

    @Override
    public Catalog replayDesiredState(List<SqlScript> scripts) {
        return replay(scripts, true);
    }

    private Catalog replay(List<SqlScript> scripts, boolean anyOrder) {
        String database = QUOTER.ident("strata_dev_" + HexFormat.of().formatHex(randomBytes(6)));
        try (Connection connection = JdbcUrls.open(serverUrl, MySqlDialect.timeoutProperties(ConnectionTimeouts.MIGRATION))) {
            execute(connection, "CREATE DATABASE " + database);
            Catalog catalog;
            try {
                catalog = replayIn(connection, unquoted(database), scripts, anyOrder);
            } catch (RuntimeException e) {
                try {
                    drop(connection, database);
                } catch (RuntimeException dropFailure) {
                    e.addSuppressed(dropFailure);
                }
                throw e;
            }
            drop(connection, database);
            return unnamed(catalog);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot create scratch database " + database + " on "
                    + JdbcUrls.redact(serverUrl) + ": " + message(e), e);
        }
    }

    /**
     * The scripts run as an account created for this replay alone, with every right on its fresh database and none
     * beyond it (no FILE, no SUPER), connected as that account; the driver cancels a statement that outlives its
     * time limit. A {@code DEFINER} clause is dropped ({@link MySqlSchemaFilter}), so nothing is defined as anyone else.
     */
    @Override
    public Catalog replaySubmitted(List<SqlScript> scripts) {
        String name = "strata_dev_" + HexFormat.of().formatHex(randomBytes(6));
        String database = QUOTER.ident(name);
        String password = HexFormat.of().formatHex(randomBytes(24));
        try (Connection admin = JdbcUrls.open(serverUrl, MySqlDialect.timeoutProperties(ConnectionTimeouts.PROBE))) {
            // The account's host is the one the server sees this client connect from, as it will see the replay.
            String account = QUOTER.literal(name) + "@" + QUOTER.literal(clientHost(admin));
            execute(admin, "CREATE DATABASE " + database);
            try {
                if (!createAccount(admin, account, password)) {
                    // A server without grant tables has no accounts: every login has every right, so the filter and
                    // the time limits are all there is, and the server's own login replays.
                    return replayAs(name, MySqlDialect.timeoutProperties(ConnectionTimeouts.PROBE),
                            JdbcUrls.withoutParameters(serverUrl, Set.of("allowMultiQueries")), scripts);
                }
                try {
                    execute(admin, "GRANT ALL PRIVILEGES ON " + database + ".* TO " + account);
                    Properties login = MySqlDialect.timeoutProperties(ConnectionTimeouts.PROBE);
                    login.setProperty("user", name);
                    login.setProperty("password", password);
                    return replayAs(name, login, JdbcUrls.withoutParameters(withDatabase(serverUrl, name), LOGIN_PARAMETERS),
                            scripts);
                } finally {
                    quietly(admin, "DROP USER IF EXISTS " + account);
                }
            } finally {
                quietly(admin, "DROP DATABASE IF EXISTS " + database);
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.NOT_CONFIGURED, "cannot prepare a scratch database and its own login on "
                    + JdbcUrls.redact(serverUrl) + " (the login needs to create databases and users): " + message(e), e);
        }
    }

    private Catalog replayAs(String database, Properties login, String url, List<SqlScript> scripts) throws SQLException {
        // One statement per query: text the server would read as two is a syntax error, never a second statement.
        login.setProperty("allowMultiQueries", "false");
        try (Connection c = JdbcUrls.open(url, login)) {
            c.setCatalog(database);
            SubmittedReplay.run(c, scripts, FILTER, (connection, sql) -> Optional.empty(), MySqlDevDatabase::missingObject,
                    (st, e) -> st.line() + ": " + refusal(e));
            c.setCatalog(database);
            return unnamed(inspector.inspect(c, List.of(database)));
        }
    }

    /** Creates the replay's account; false when the server keeps no accounts (started with --skip-grant-tables). */
    private static boolean createAccount(Connection admin, String account, String password) throws SQLException {
        try {
            execute(admin, "CREATE USER " + account + " IDENTIFIED BY '" + password + "'");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == ER_OPTION_PREVENTS_STATEMENT && String.valueOf(e.getMessage()).contains("skip-grant-tables")) {
                return false;
            }
            throw e;
        }
    }

    /** {@code url} naming {@code database} as its path: the account may enter no other, so it logs in to that one. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//") + 2;
        int query = url.indexOf('?', hosts);
        int end = query < 0 ? url.length() : query;
        int path = url.indexOf('/', hosts);
        String head = url.substring(0, path < 0 || path > end ? end : path);
        return head + "/" + database + url.substring(end);
    }

    /** Cleans up after a replay without hiding the replay's own result or error; leaving a scratch object is untidy, not wrong. */
    private static void quietly(Connection admin, String sql) {
        try {
            execute(admin, sql);
        } catch (SQLException ignored) {
            // see above
        }
    }

    private static String clientHost(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT USER()")) {
            rs.next();
            String user = rs.getString(1);
            return user.substring(user.lastIndexOf('@') + 1);
        }
    }

    private Catalog replayIn(Connection connection, String database, List<SqlScript> scripts, boolean anyOrder) {
        try {
            connection.setCatalog(database);
            if (anyOrder) {
                AnyOrderReplay.run(ScriptStatement.of(scripts, true).stream()
                                .filter(st -> !changesAccounts(st.statement().text())).toList(),
                        st -> execute(connection, st.statement().text()),
                        MySqlDevDatabase::missingObject, MySqlDevDatabase::rejected);
            } else {
                for (SqlScript script : scripts) {
                    run(connection, script);
                }
            }
            // A script may have switched databases with USE; inspect the scratch one regardless.
            connection.setCatalog(database);
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.INTERNAL, "cannot use scratch database " + database + ": " + message(e), e);
        }
        return inspector.inspect(connection, List.of(database));
    }

    /**
     * The replayed schema without the scratch database's name: a file describes whichever database it is applied to,
     * so its changes are named after the target (or, between two files, after no database), never after a random
     * scratch name that is gone by the time anyone reads the plan.
     */
    private static Catalog unnamed(Catalog replayed) {
        return replayed.withSchemas(replayed.schemas().stream().map(s -> s.withName("")).toList());
    }

    private static String unquoted(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    private static void run(Connection connection, SqlScript script) {
        for (SqlStatements.Statement statement : SqlStatements.split(script.text(), true)) {
            if (changesAccounts(statement.text())) {
                continue;
            }
            try {
                execute(connection, statement.text());
            } catch (SQLException e) {
                throw rejected(new ScriptStatement(script, statement), e);
            }
        }
    }

    /**
     * Whether the statement grants or revokes privileges. MySQL keeps them per account, outside the database, so
     * they are not part of the model; a replay skips them, as the accounts they name need not exist on the scratch
     * server (where the statement would fail) and should not be changed there.
     */
    static boolean changesAccounts(String statement) {
        String code = SchemaFilter.code(statement, true);
        return code.startsWith("GRANT ") || code.startsWith("REVOKE ");
    }

    private static StrataException rejected(ScriptStatement at, SQLException e) {
        return new StrataException(ErrorCode.BAD_INPUT, at.script().name() + ":" + at.statement().line() + ": " + refusal(e), e);
    }

    /**
     * The server's refusal of a user's statement as the user reads it: names it qualifies with the scratch database
     * ({@code Table 'strata_dev_1f2e.book' doesn't exist}) are given as the user wrote them.
     */
    private static String refusal(SQLException e) {
        return SCRATCH_QUALIFIER.matcher(message(e)).replaceAll("");
    }

    /**
     * Whether the server refused a statement for naming something not (yet) created: a table or view, a database, a
     * routine, a column, or a foreign key's parent (MySQL 1824 and 1215, MariaDB 1005 with errno 150). MySQL DDL is
     * atomic per statement, so a refused one leaves nothing behind before it is tried again.
     */
    static boolean missingObject(SQLException e) {
        int code = e.getErrorCode();
        return MISSING_OBJECT_CODES.contains(code)
                || code == ER_CANT_CREATE_TABLE && String.valueOf(e.getMessage()).contains("errno: 150");
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

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Nothing to stop: the server belongs to the user. */
    @Override
    public void close() {
    }
}

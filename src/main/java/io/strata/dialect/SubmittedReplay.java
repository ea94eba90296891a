package io.strata.dialect;

import io.strata.error.StrataException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * SubmittedReplay runs the statements of SQL a client submitted to the server, as {@link DevDatabase#replaySubmitted}
 * does in each dialect: every statement is admitted by the dialect's {@link SchemaFilter} before the first one runs,
 * then each runs under a time limit the driver enforces by cancelling it (the SQL cannot lift it), and all of them
 * within a limit for the whole schema.
 */
public final class SubmittedReplay {

    /** How long one statement may run. */
    public static final Duration STATEMENT_LIMIT = Duration.ofSeconds(10);
    /** How long a whole schema may take to replay. */
    public static final Duration REPLAY_LIMIT = Duration.ofSeconds(60);

    /** Says why a statement cannot be sent as it is on this connection, or empty when it can. */
    @FunctionalInterface
    public interface Guard {
        Optional<String> refusal(Connection connection, String sql) throws SQLException;
    }

    /** Describes a server's error on a statement: {@code line: message}. */
    @FunctionalInterface
    public interface ServerError {
        String describe(SchemaFilter.Admitted statement, SQLException e);
    }

    private SubmittedReplay() {
    }

    /**
     * Admits every statement of {@code scripts}, then runs them in order on {@code connection}. A refused statement,
     * one the server rejects and one that runs out of time are each a BAD_INPUT naming the script and the statement.
     */
    public static void run(Connection connection, List<SqlScript> scripts, SchemaFilter filter, Guard guard,
                           ServerError error) {
        List<List<SchemaFilter.Admitted>> admitted = new ArrayList<>();
        for (SqlScript script : scripts) {
            admitted.add(filter.admit(script));
        }
        long deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
        for (int i = 0; i < scripts.size(); i++) {
            SqlScript script = scripts.get(i);
            for (SchemaFilter.Admitted st : admitted.get(i)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw StrataException.badInput(script.name() + ": the schema took longer than "
                            + REPLAY_LIMIT.toSeconds() + " s to replay; statement " + st.number() + " did not run");
                }
                execute(connection, script, st, guard, error, (int) Math.max(1,
                        Math.min(STATEMENT_LIMIT.toSeconds(), Duration.ofNanos(left).toSeconds())));
            }
        }
    }

    private static void execute(Connection connection, SqlScript script, SchemaFilter.Admitted st, Guard guard,
                                ServerError error, int seconds) {
        Function<String, StrataException> refused = why -> StrataException.badInput(script.name() + ":" + st.line()
                + ": statement " + st.number() + " (" + SchemaFilter.label(st.sql()) + ") " + why);
        try (Statement s = connection.createStatement()) {
            Optional<String> unsendable = guard.refusal(connection, st.sql());
            if (unsendable.isPresent()) {
                throw refused.apply("is refused: " + unsendable.get());
            }
            s.setEscapeProcessing(false);
            s.setQueryTimeout(seconds);
            s.execute(st.sql());
        } catch (SQLException e) {
            if (e instanceof SQLTimeoutException || "57014".equals(e.getSQLState()) || "70100".equals(e.getSQLState())) {
                throw refused.apply("ran longer than the " + seconds + " s a statement of a registered schema may take");
            }
            throw new StrataException(io.strata.error.ErrorCode.BAD_INPUT, script.name() + ":" + error.describe(st, e), e);
        }
    }
}

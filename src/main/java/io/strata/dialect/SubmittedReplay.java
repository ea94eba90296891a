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
import java.util.function.Predicate;

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

    /** An admitted statement with the script to name in its error. */
    private record Located(SqlScript script, SchemaFilter.Admitted statement) {
    }

    /**
     * Admits every statement of {@code scripts}, then runs them on {@code connection} in any order ({@link AnyOrderReplay}:
     * a registered schema is a desired state, so one whose error {@code missingObject} accepts is tried again after the
     * rest). A refused statement, one the server rejects and one that runs out of time are each a BAD_INPUT naming the
     * script and the statement.
     */
    public static void run(Connection connection, List<SqlScript> scripts, SchemaFilter filter, Guard guard,
                           Predicate<SQLException> missingObject, ServerError error) {
        List<Located> admitted = new ArrayList<>();
        for (SqlScript script : scripts) {
            for (SchemaFilter.Admitted st : filter.admit(script)) {
                admitted.add(new Located(script, st));
            }
        }
        long deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
        AnyOrderReplay.run(admitted, at -> execute(connection, at, guard, deadline), missingObject,
                (at, e) -> new StrataException(io.strata.error.ErrorCode.BAD_INPUT,
                        at.script().name() + ":" + error.describe(at.statement(), e), e));
    }

    /** Runs one statement within what is left of the replay's time; a server error other than a timeout is thrown as is. */
    private static void execute(Connection connection, Located at, Guard guard, long deadline) throws SQLException {
        SchemaFilter.Admitted st = at.statement();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw StrataException.badInput(at.script().name() + ": the schema took longer than "
                    + REPLAY_LIMIT.toSeconds() + " s to replay; statement " + st.number() + " did not run");
        }
        int seconds = (int) Math.max(1, Math.min(STATEMENT_LIMIT.toSeconds(), Duration.ofNanos(left).toSeconds()));
        Function<String, StrataException> refused = why -> StrataException.badInput(at.script().name() + ":" + st.line()
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
            throw e;
        }
    }
}

package io.strata.dialect;

import io.strata.error.StrataException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * AnyOrderReplay runs the statements of a desired-state schema whatever order they are written in, as Atlas and sqldef
 * users expect: a statement the server rejects because an object it names does not exist yet (a foreign key to a table
 * created further down, a view over a later table) is set aside and tried again after the rest, round after round while
 * a round runs at least one of them. A statement that still fails is reported with the error of its first attempt;
 * any other error stops the replay at once. Migrations are not replayed this way: their order is their meaning. A
 * statement tried again runs with the session settings (a {@code SET search_path}) in force when the rest has run.
 */
public final class AnyOrderReplay {

    /** Runs one statement on the scratch database; a failure leaves nothing behind (its own transaction). */
    @FunctionalInterface
    public interface Runner<T> {
        void run(T statement) throws SQLException;
    }

    private record Attempt<T>(T statement, SQLException first) {
    }

    private AnyOrderReplay() {
    }

    /**
     * Runs {@code statements} in order, then those set aside because {@code missingObject} holds for their error, until
     * all have run; {@code failure} turns a statement and its error into the exception thrown.
     */
    public static <T> void run(List<T> statements, Runner<T> runner, Predicate<SQLException> missingObject,
                               BiFunction<T, SQLException, StrataException> failure) {
        List<Attempt<T>> pending = new ArrayList<>();
        for (T st : statements) {
            pending.add(new Attempt<>(st, null));
        }
        while (!pending.isEmpty()) {
            List<Attempt<T>> setAside = new ArrayList<>();
            for (Attempt<T> attempt : pending) {
                try {
                    runner.run(attempt.statement());
                } catch (SQLException e) {
                    if (!missingObject.test(e)) {
                        throw failure.apply(attempt.statement(), e);
                    }
                    setAside.add(new Attempt<>(attempt.statement(), attempt.first() != null ? attempt.first() : e));
                }
            }
            if (setAside.size() == pending.size()) {
                // No progress: nothing left would create what these need; the first one's own error says what is missing.
                Attempt<T> stuck = setAside.get(0);
                throw failure.apply(stuck.statement(), stuck.first());
            }
            pending = setAside;
        }
    }
}

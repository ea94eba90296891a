package io.strata.dialect;

import io.strata.model.ColumnType;

import java.util.List;
import java.util.Optional;

/**
 * An InputCheck is how a dialect tells, in SQL, whether a text value reads as a value of another type (a date, a
 * timestamp, a boolean, a uuid) the way its ALTER would read it: the pre-flight data checks of a text column changed
 * to such a type find the values that would not convert.
 */
public interface InputCheck {

    /**
     * The condition that holds when the text {@code text} (an expression of the row, not NULL) does NOT read as a
     * value of {@code to}, or empty when this dialect cannot tell for that type (the change is then not checked).
     */
    Optional<String> refused(String text, ColumnType to);

    /**
     * An expression that converts the text {@code text} to {@code to} and raises an error on the first value that does
     * not read, or empty when this dialect's cast does not raise (MySQL's gives NULL). One such scan, as fast as the
     * ALTER's own cast, passes a column whose values all read without asking {@link #refused} of every row.
     */
    Optional<String> strictCast(String text, ColumnType to);

    /**
     * Statements to run once, in the session that runs the checks, before a condition of {@link #refused} can be
     * evaluated; they create nothing outside the session (PostgreSQL's {@code pg_temp}).
     */
    List<String> setup();

    /** Statements that take back {@link #setup}, run after the checks. */
    List<String> teardown();
}

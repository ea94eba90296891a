package io.strata.dialect.postgres;

import io.strata.dialect.InputCheck;
import io.strata.dialect.Quoter;
import io.strata.model.ColumnType;

import java.util.List;
import java.util.Optional;

/**
 * PostgresInputCheck asks the server's own input functions whether a text reads as a date, a timestamp, a boolean
 * or a uuid, so the check agrees with the cast the ALTER makes (month lengths, leap years, 'yes' for true, time
 * zones). PostgreSQL 16 has {@code pg_input_is_valid}; PostgreSQL 15 and older do not, so the test is a session
 * function in {@code pg_temp} (gone with the session, nothing left in the user's schemas) that tries the cast and
 * catches its error: the same answer, one subtransaction per value (about 4 s per million rows on PostgreSQL 15), so
 * a plain cast of the whole column runs first and passes a column whose values all read at the cost of one scan.
 */
final class PostgresInputCheck implements InputCheck {

    /** Where the session function lives; pg_temp is never on the function search path, so calls name it. */
    static final String FUNCTION = "pg_temp.strata_reads_as";

    private final Quoter quoter;

    PostgresInputCheck(Quoter quoter) {
        this.quoter = quoter;
    }

    @Override
    public Optional<String> refused(String text, ColumnType to) {
        boolean parsed = to instanceof ColumnType.TemporalType t && t.kind() != ColumnType.TemporalKind.YEAR
                || to instanceof ColumnType.BooleanType || to instanceof ColumnType.UuidType;
        return parsed ? Optional.of("NOT " + FUNCTION + "(" + text + ", " + quoter.literal(to.sql()) + ")") : Optional.empty();
    }

    @Override
    public Optional<String> strictCast(String text, ColumnType to) {
        return refused(text, to).map(r -> "CAST(" + text + " AS " + to.sql() + ")");
    }

    @Override
    public List<String> setup() {
        // Created through EXECUTE: a body naming pg_input_is_valid would not even be accepted by a server before 16.
        return List.of("""
                DO $strata$
                BEGIN
                  IF current_setting('server_version_num')::int >= 160000 THEN
                    EXECUTE 'CREATE OR REPLACE FUNCTION pg_temp.strata_reads_as(v text, t text) RETURNS boolean
                      LANGUAGE sql STABLE AS $f$ SELECT pg_input_is_valid(v, t) $f$';
                  ELSE
                    EXECUTE 'CREATE OR REPLACE FUNCTION pg_temp.strata_reads_as(v text, t text) RETURNS boolean
                      LANGUAGE plpgsql STABLE AS $f$
                      BEGIN
                        CASE t
                          WHEN ''date'' THEN PERFORM v::date;
                          WHEN ''timestamp without time zone'' THEN PERFORM v::timestamp;
                          WHEN ''timestamp with time zone'' THEN PERFORM v::timestamptz;
                          WHEN ''boolean'' THEN PERFORM v::boolean;
                          WHEN ''uuid'' THEN PERFORM v::uuid;
                          ELSE EXECUTE format(''SELECT %L::%s'', v, t);
                        END CASE;
                        RETURN true;
                      EXCEPTION WHEN others THEN
                        RETURN false;
                      END $f$';
                  END IF;
                END
                $strata$""");
    }

    @Override
    public List<String> teardown() {
        return List.of("DROP FUNCTION IF EXISTS " + FUNCTION + "(text, text)");
    }
}

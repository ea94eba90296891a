package io.strata.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * StatementLanding answers, for a statement that ran outside a transaction when its process died, whether
 * it took effect. Such a statement is marked applied in {@code strata_history} only after it returns, so a
 * crash in between leaves it unmarked though the server may have finished it (PostgreSQL completes a
 * {@code CREATE INDEX CONCURRENTLY} whose client is gone). A resumed run asks before running it again, so
 * no statement runs twice.
 */
public interface StatementLanding {

    /** Nothing is known about any statement: a resumed run runs it again, as it always did. */
    StatementLanding UNKNOWN = (connection, sql) -> Verdict.no();

    /** What became of a statement. */
    enum Landed {
        /** Its effect is there: mark it applied without running it. */
        YES,
        /** Its effect is not there: run it. */
        NO,
        /** It left something half made (an invalid index): run {@code cleanup}, then run it. */
        PARTLY
    }

    /** @param cleanup what to run before running the statement again, when it landed PARTLY */
    record Verdict(Landed landed, List<String> cleanup) {
        public Verdict {
            cleanup = List.copyOf(cleanup);
        }

        public static Verdict yes() {
            return new Verdict(Landed.YES, List.of());
        }

        public static Verdict no() {
            return new Verdict(Landed.NO, List.of());
        }

        public static Verdict partly(String cleanup) {
            return new Verdict(Landed.PARTLY, List.of(cleanup));
        }
    }

    Verdict check(Connection connection, String sql) throws SQLException;
}

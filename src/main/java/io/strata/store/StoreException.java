package io.strata.store;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;

import java.sql.SQLException;

/**
 * A StoreException is an SQL failure inside the store, unchecked so that the domain's ports say nothing of
 * JDBC. The transaction it escapes from is rolled back.
 */
public final class StoreException extends StrataException {

    private StoreException(SQLException cause) {
        super(ErrorCode.INTERNAL, "store: " + cause.getMessage(), cause);
    }

    static StoreException of(SQLException e) {
        return new StoreException(e);
    }
}

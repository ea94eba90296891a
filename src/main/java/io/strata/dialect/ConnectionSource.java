package io.strata.dialect;

import java.sql.Connection;

/**
 * A ConnectionSource opens connections to one database. Inspectors take one rather than a single
 * connection so they may run their catalog queries side by side on more than one.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** A new connection the caller closes; failure is an UNREACHABLE error. */
    Connection open();
}

package io.strata.dialect;

import java.time.Duration;

/**
 * ConnectionTimeouts are how long opening a connection to a database server may take (TCP connect and login)
 * and how long one read from it may wait, so that a server that accepts a connection and then says nothing
 * fails the caller instead of holding it forever.
 *
 * @param connect the TCP connect, and the whole login where the driver bounds it
 * @param read    one wait for the server's answer; a statement that runs longer without a word from the server
 *                loses its connection
 */
public record ConnectionTimeouts(Duration connect, Duration read) {

    /** Health checks, drift checks and reachability: a target that does not answer fails in seconds. */
    public static final ConnectionTimeouts PROBE = new ConnectionTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

    /**
     * Migrations, rollbacks and inspections: one DDL statement (an index build on a large table) may run for long
     * without the server saying anything, so reads wait an hour; a statement's wait for a lock is bounded by the
     * lock timeout, and a run whose connection is lost resumes from its history.
     */
    public static final ConnectionTimeouts MIGRATION = new ConnectionTimeouts(Duration.ofSeconds(10), Duration.ofHours(1));

    public ConnectionTimeouts {
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
            // Zero means "wait forever" to both drivers: exactly what these timeouts exist to prevent.
            throw new IllegalArgumentException("connection timeouts must be positive");
        }
    }

    /** {@link #connect} in whole seconds, at least one (pgjdbc reads its timeouts in seconds). */
    public int connectSeconds() {
        return seconds(connect);
    }

    /** {@link #read} in whole seconds, at least one. */
    public int readSeconds() {
        return seconds(read);
    }

    /** {@link #connect} in milliseconds (MariaDB Connector/J reads its timeouts in milliseconds). */
    public int connectMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, connect.toMillis()));
    }

    /** {@link #read} in milliseconds. */
    public int readMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, read.toMillis()));
    }

    private static int seconds(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
    }
}

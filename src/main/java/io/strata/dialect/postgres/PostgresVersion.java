package io.strata.dialect.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgresVersion is a server version as the planner compares it: its major number, which is all that
 * decides what a PostgreSQL release allows.
 */
record PostgresVersion(int major) {

    /** The newest release the planner knows; an empty or unreadable version means it. */
    static final PostgresVersion NEWEST = new PostgresVersion(18);

    private static final Pattern MAJOR = Pattern.compile("^\\s*(\\d+)");

    /** The major of {@code serverVersion} ({@code 15} of {@code 15.20 (Debian 15.20-0+deb12u1)}), or empty when it says none. */
    static java.util.OptionalInt major(String serverVersion) {
        Matcher m = MAJOR.matcher(serverVersion == null ? "" : serverVersion);
        return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
    }

    /** Parses {@code 16.4}, {@code 9.6.24}, {@code 17.2 (Debian 17.2-1)}; empty, null or unreadable is {@link #NEWEST}. */
    static PostgresVersion parse(String serverVersion) {
        Matcher m = MAJOR.matcher(serverVersion == null ? "" : serverVersion);
        return m.find() ? new PostgresVersion(Integer.parseInt(m.group(1))) : NEWEST;
    }
}

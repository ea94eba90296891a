package io.strata.dialect.mysql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MySqlVersion is a server version as the planner compares it: MariaDB or MySQL, and the numbers.
 *
 * @param mariaDb whether the server is MariaDB, whose version numbers are a separate line from MySQL's
 */
record MySqlVersion(boolean mariaDb, int major, int minor, int patch) {

    /** What an empty version stands for: the newest MariaDB, the server the dialect is tested on. */
    static final MySqlVersion NEWEST_MARIADB = new MySqlVersion(true, 99, 0, 0);

    private static final Pattern NUMBERS = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Parses {@code 10.11.19-MariaDB-0+deb12u1}, {@code 11.4.5-MariaDB}, {@code 8.0.36}; empty or null is the newest MariaDB. */
    static MySqlVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return NEWEST_MARIADB;
        }
        Matcher m = NUMBERS.matcher(text.trim());
        if (!m.find()) {
            throw io.strata.error.StrataException.badInput("cannot read MySQL/MariaDB server version \"" + text + "\"");
        }
        int major = Integer.parseInt(m.group(1));
        // MySQL never reached 10; MariaDB started there, so the number alone tells them apart when the suffix is missing.
        boolean mariaDb = text.toLowerCase(Locale.ROOT).contains("mariadb") || major >= 10;
        return new MySqlVersion(mariaDb, major, Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** Whether this is MariaDB at least {@code mariaDbVersion} or MySQL at least {@code mySqlVersion} (each "a.b.c"). */
    boolean atLeast(String mariaDbVersion, String mySqlVersion) {
        String wanted = mariaDb ? mariaDbVersion : mySqlVersion;
        if (wanted == null) {
            return false;
        }
        String[] parts = wanted.split("\\.");
        int[] want = {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
        int[] have = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            if (have[i] != want[i]) {
                return have[i] > want[i];
            }
        }
        return true;
    }
}

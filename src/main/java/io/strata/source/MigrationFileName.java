package io.strata.source;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MigrationFileName is what a file's name says under Flyway's naming, so a Flyway directory works as it is:
 * {@code V<version>__<description>.sql} is versioned, {@code R__<description>.sql} repeatable and
 * {@code U<version>__<description>.sql} the undo of a version (which Strata never runs). Underscores in a
 * description read as spaces, and underscores in a version as dots: {@code V1_1__} and {@code V1.1__} are both
 * version 1.1.
 */
public sealed interface MigrationFileName {

    /** The description, as the history records it. */
    String description();

    /** {@code V<version>__<description>.sql}: runs once, in version order. */
    record Versioned(String version, String description) implements MigrationFileName {
    }

    /** {@code R__<description>.sql}: runs after the versioned files, and again whenever its content changes. */
    record Repeatable(String description) implements MigrationFileName {
    }

    /** {@code U<version>__<description>.sql}: Flyway Teams' undo of a version; neither migrate nor a source runs it. */
    record Undo(String version, String description) implements MigrationFileName {
    }

    Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    Pattern REPEATABLE = Pattern.compile("R__(.*)\\.sql");

    /** What {@code fileName} names, or empty for a file outside Flyway's naming. */
    static Optional<MigrationFileName> parse(String fileName) {
        Matcher versioned = VERSIONED.matcher(fileName);
        if (versioned.matches()) {
            String version = versioned.group(2).replace('_', '.');
            String description = description(versioned.group(3));
            return Optional.of(versioned.group(1).equals("V") ? new Versioned(version, description)
                    : new Undo(version, description));
        }
        Matcher repeatable = REPEATABLE.matcher(fileName);
        return repeatable.matches() ? Optional.of(new Repeatable(description(repeatable.group(1)))) : Optional.empty();
    }

    private static String description(String raw) {
        return raw.replace('_', ' ');
    }

    /**
     * Orders versions as Flyway does: part by part on the dots, each part a number, a missing part zero; so
     * {@code 1 < 1.1 < 1.2 < 1.10 < 2}, and {@code 1.1}, {@code 1.01} and {@code 1.1.0} are the same version.
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}

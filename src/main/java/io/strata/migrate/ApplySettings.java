package io.strata.migrate;

import io.strata.error.StrataException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ApplySettings are the knobs of a migration run against a live database.
 *
 * @param lockTimeout   how long one statement waits for a table lock before it gives way
 * @param lockWait      how long to wait for another migrator's advisory lock
 * @param retries       how many times a statement that gave way is tried again
 * @param backoff       the pause before the first retry; it doubles before each next one
 * @param historySchema the schema (PostgreSQL) or database (MySQL) of the history tables, or null for the default
 * @param batchSize     rows per batch of a backfill
 * @param batchPause    the pause between two batches of a backfill, the throttle that leaves room for the application
 * @param revertOnFailure when a statement of a planned apply fails, take back what the run applied (see
 *                        {@link Reversal}); false keeps the partial state for inspection ({@code --no-revert})
 */
public record ApplySettings(Duration lockTimeout, Duration lockWait, int retries, Duration backoff, String historySchema,
                            int batchSize, Duration batchPause, boolean revertOnFailure) {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");

    public ApplySettings {
        if (retries < 0) {
            throw StrataException.badInput("--retries must not be negative");
        }
        if (batchSize < 1) {
            throw StrataException.badInput("--batch-size must be at least 1");
        }
    }

    /** Settings that revert a failed apply, as every run does unless told otherwise. */
    public ApplySettings(Duration lockTimeout, Duration lockWait, int retries, Duration backoff, String historySchema,
                         int batchSize, Duration batchPause) {
        this(lockTimeout, lockWait, retries, backoff, historySchema, batchSize, batchPause, true);
    }

    /** These settings, reverting a failed apply or keeping its partial state. */
    public ApplySettings withRevertOnFailure(boolean revert) {
        return new ApplySettings(lockTimeout, lockWait, retries, backoff, historySchema, batchSize, batchPause, revert);
    }

    /** Lock timeout 2 s, wait 30 s, 3 retries after 0.5, 1 and 2 s; backfills of 1,000 rows, 10 ms apart. */
    public static ApplySettings defaults() {
        return new ApplySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofMillis(500), null,
                DEFAULT_BATCH_SIZE, Duration.ofMillis(10));
    }

    /** {@code 2s}, {@code 500ms}, {@code 1.5s}, {@code 1m}, {@code 12h}, {@code 90d}; a bare number is seconds. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw StrataException.badInput("cannot read duration \"" + text + "\" (examples: 2s, 500ms, 1m, 12h, 30d)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> value;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            case "d" -> value * 86_400_000;
            default -> value * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }
}

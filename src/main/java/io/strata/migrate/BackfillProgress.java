package io.strata.migrate;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a backfill stands after a committed batch.
 *
 * @param table         the table, as {@code schema.table}
 * @param column        what the backfill writes: its assignment's first column
 * @param rowsDone      rows this run has updated so far
 * @param rowsEstimated the table's rows as the server's statistics estimate them, or 0 when they do not say
 * @param elapsed       time since this run's first batch started
 * @param finished      whether this was the last batch
 */
public record BackfillProgress(String table, String column, long rowsDone, long rowsEstimated, Duration elapsed,
                               boolean finished) {

    /** Rows per second so far, 0 before any time passed. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsDone / seconds;
    }

    /** The time left at the rate so far, or empty when the estimate is missing or already passed. */
    public Optional<Duration> timeLeft() {
        double rate = rowsPerSecond();
        if (rowsEstimated <= rowsDone || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) ((rowsEstimated - rowsDone) / rate * 1000)));
    }

    /** One line for people: {@code backfill public.items.quantity: 12,000 of ~20,000 rows (60%), 41,000 rows/s, ~0.2 s left}. */
    public String line() {
        StringBuilder text = new StringBuilder("backfill " + table + "." + column + ": "
                + String.format(Locale.ROOT, "%,d", rowsDone));
        if (rowsEstimated > 0) {
            text.append(String.format(Locale.ROOT, " of ~%,d rows (%d%%)", rowsEstimated,
                    Math.min(100, rowsDone * 100 / rowsEstimated)));
        } else {
            text.append(" rows");
        }
        text.append(String.format(Locale.ROOT, ", %,.0f rows/s", rowsPerSecond()));
        timeLeft().ifPresent(left -> text.append(", ~").append(PreFlightSizing.duration(left.toMillis() / 1000.0))
                .append(" left"));
        return text.toString();
    }
}

package io.strata.cli;

import io.strata.migrate.ApplyProgress;
import io.strata.migrate.BackfillProgress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * ProgressPrinter shows a run's progress as text: the pre-flight estimates before the work, then each backfill as one
 * line rewritten in place on a terminal, or, in a log (CI, a pipe), a plain line every {@link #LOG_INTERVAL} and one
 * when the backfill ends. JSON output has none of it: the estimates are then in the result.
 */
final class ProgressPrinter implements ApplyProgress {

    /** How often a log gets a line while a backfill runs. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(5);
    /** How often a terminal's line is rewritten: faster would only flicker. */
    private static final Duration CONSOLE_INTERVAL = Duration.ofMillis(200);

    private final PrintWriter out;
    private final boolean console;
    /** The length of the line a terminal shows now, to be overwritten; 0 when the cursor is at a line's start. */
    private int openLine;
    private long lastPrinted = System.nanoTime();

    ProgressPrinter(PrintWriter out, boolean console) {
        this.out = out;
        this.console = console;
    }

    @Override
    public boolean preflight(List<String> lines) {
        if (!lines.isEmpty()) {
            endLine();
            out.println("pre-flight:");
            lines.forEach(line -> out.println("  " + line));
            out.flush();
        }
        return true;
    }

    @Override
    public void backfill(BackfillProgress progress) {
        long now = System.nanoTime();
        Duration interval = console ? CONSOLE_INTERVAL : LOG_INTERVAL;
        if (!progress.finished() && now - lastPrinted < interval.toNanos()) {
            return;
        }
        lastPrinted = now;
        String line = progress.line();
        if (console) {
            // Blanks clear what is left of a longer line before; the cursor stays on the line for the next update.
            out.print("\r" + line + " ".repeat(Math.max(0, openLine - line.length())));
            openLine = line.length();
            if (progress.finished()) {
                endLine();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends a terminal's rewritten line, so that what is printed next starts on its own. */
    void endLine() {
        if (openLine > 0) {
            out.println();
            out.flush();
            openLine = 0;
        }
    }
}

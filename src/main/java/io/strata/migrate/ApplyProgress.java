package io.strata.migrate;

import java.util.List;

/**
 * An ApplyProgress hears how a run goes while it runs, for a person watching: the pre-flight estimates before the
 * first statement, and each committed batch of a backfill. It only reports; the result of the run says what happened.
 */
public interface ApplyProgress {

    /** Hears nothing: the estimates then go into the result's message. */
    ApplyProgress NONE = new ApplyProgress() {
        @Override
        public boolean preflight(List<String> lines) {
            return false;
        }

        @Override
        public void backfill(BackfillProgress progress) {
        }
    };

    /**
     * The pre-flight estimates ({@link PreFlightSizing}), before the first statement of the plan runs; returns whether
     * they were shown, so that the result need not repeat them.
     */
    boolean preflight(List<String> lines);

    /** A backfill committed one more batch. */
    void backfill(BackfillProgress progress);
}

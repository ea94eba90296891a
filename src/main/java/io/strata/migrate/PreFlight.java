package io.strata.migrate;

import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;

import java.util.List;

/**
 * PreFlight is the check before anything runs: the live schema must be the one the plan was made
 * for. Reachability and the lock are checked by opening the session and taking the lock.
 */
public final class PreFlight {

    private PreFlight() {
    }

    /** Each difference from {@code expected} to {@code live}, for people; empty when they are equal. */
    public static List<String> drift(Catalog expected, Catalog live) {
        return Differ.diff(expected, live).stream().map(PreFlight::describe).toList();
    }

    private static String describe(SchemaChange change) {
        return change.getClass().getSimpleName() + " " + change.location();
    }
}

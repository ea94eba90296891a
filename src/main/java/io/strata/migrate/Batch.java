package io.strata.migrate;

import java.util.Collections;
import java.util.List;

/**
 * A Batch is statements that run together: in one transaction when {@code transactional} and the
 * dialect has transactional DDL, otherwise one by one, each recorded as soon as it has run.
 *
 * @param undos how each statement is rolled back, one per statement
 */
public record Batch(List<String> statements, boolean transactional, List<Undo> undos) {
    public Batch {
        statements = List.copyOf(statements);
        undos = List.copyOf(undos);
        if (undos.size() != statements.size()) {
            throw new IllegalArgumentException(statements.size() + " statements but " + undos.size() + " undos");
        }
    }

    /** Statements without a recorded reverse (a versioned migration file). */
    public Batch(List<String> statements, boolean transactional) {
        this(statements, transactional, Collections.nCopies(statements.size(), Undo.NONE));
    }
}

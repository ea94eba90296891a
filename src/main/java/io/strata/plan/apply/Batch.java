package io.strata.plan.apply;

import java.util.List;

/**
 * A Batch is statements that run together: in one transaction when {@code transactional} and the
 * dialect has transactional DDL, otherwise one by one, each recorded as soon as it has run.
 */
public record Batch(List<String> statements, boolean transactional) {
    public Batch {
        statements = List.copyOf(statements);
    }
}

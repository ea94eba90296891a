package io.strata.plan;

import io.strata.model.change.SchemaChange;

import java.util.Objects;

/**
 * A Step is one statement of a plan with everything needed to run and undo it safely.
 *
 * @param description   what the step does, for people ({@code add column "orders"."placed_at"})
 * @param sql           the statement, without a trailing semicolon
 * @param reverse       how to undo it, or why it cannot be undone
 * @param transactional whether it may run inside a transaction ({@code CREATE INDEX CONCURRENTLY} may not)
 * @param lock          what it does to concurrent clients
 * @param source        the change it implements, or null for supporting steps (triggers, backfills)
 */
public record Step(String description, String sql, Reverse reverse, boolean transactional, LockImpact lock,
                   SchemaChange source) {
    public Step {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(reverse, "reverse of " + sql);
        Objects.requireNonNull(lock, "lock impact of " + sql);
    }

    public boolean reversible() {
        return reverse instanceof Reverse.Sql;
    }
}

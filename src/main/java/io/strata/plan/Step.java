package io.strata.plan;

import io.strata.model.change.SchemaChange;

import java.util.Objects;

/**
 * A Step is one statement of a plan with everything needed to run and undo it safely.
 *
 * @param description   what the step does, for people ({@code add column "orders"."placed_at"})
 * @param sql           the statement, without a trailing semicolon
 * @param reverse       how to undo it, or why it cannot be undone
 * @param transactional whether it may share a transaction with the steps around it: {@code CREATE INDEX
 *                      CONCURRENTLY} cannot run in one at all, and {@code VALIDATE CONSTRAINT} must not
 *                      share one with the {@code NOT VALID} step before it, whose lock would then be held
 *                      through the validating scan
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

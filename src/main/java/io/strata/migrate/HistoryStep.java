package io.strata.migrate;

/**
 * A HistoryStep is one statement of a recorded migration in {@code strata_history_steps}: written
 * before anything runs, marked applied as soon as it has run, so a resumed migration knows where to start.
 *
 * @param ordinal       1-based position in the migration
 * @param batch         statements of one batch run together; a transactional batch in one transaction
 * @param inTransaction whether the batch runs in a transaction
 * @param applied       whether it has run
 * @param undo          how {@code strata rollback} takes it back
 * @param progress      how far a batched backfill got (the last primary key it committed, as JSON), or null
 */
public record HistoryStep(int ordinal, int batch, boolean inTransaction, String statementHash, String statement,
                          boolean applied, Undo undo, String progress) {
}

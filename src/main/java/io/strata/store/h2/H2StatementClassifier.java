package io.strata.store.h2;

import io.strata.dialect.StatementClassifier;
import io.strata.plan.LockImpact;

/**
 * H2StatementClassifier reads the store's own migration files: they run before the server takes requests,
 * so no statement stands in anybody's way, and every statement may share the file's batch.
 */
final class H2StatementClassifier implements StatementClassifier {

    @Override
    public LockImpact lock(String sql) {
        return LockImpact.NONE;
    }

    @Override
    public boolean transactional(String sql) {
        return true;
    }
}

package io.strata.dialect.mysql;

import io.strata.dialect.StatementClassifier;
import io.strata.plan.LockImpact;

import java.util.regex.Pattern;

/**
 * MySqlStatementClassifier reads the {@code ALGORITHM} and {@code LOCK} a statement states. Without them
 * the server picks the cheapest algorithm it can, which for a column type change, a changed primary key or
 * a character set conversion is a table copy under a shared lock: that is what an unstated {@code ALTER}
 * of those kinds is taken to be. DDL commits implicitly, so only DML can share a transaction.
 */
final class MySqlStatementClassifier implements StatementClassifier {

    private static final LockImpact METADATA = new LockImpact("metadata lock", false, false);
    private static final LockImpact ONLINE = new LockImpact("LOCK=NONE", false, false);
    private static final LockImpact COPY = new LockImpact("LOCK=SHARED", true, true);
    private static final Pattern COPYING = Pattern.compile(" (MODIFY|CHANGE) (COLUMN )?|PRIMARY KEY| CONVERT TO | ENGINE ?=| FORCE\\b");
    private static final Pattern DML = Pattern.compile("^(INSERT|UPDATE|DELETE|REPLACE|SELECT)\\b");

    @Override
    public boolean transactional(String sql) {
        return DML.matcher(StatementClassifier.flat(sql)).find();
    }

    @Override
    public LockImpact lock(String sql) {
        String s = StatementClassifier.flat(sql);
        if (s.contains("ALGORITHM=COPY") || s.contains("ALGORITHM = COPY")) {
            return COPY;
        }
        if (s.contains("ALGORITHM=INSTANT") || s.contains("ALGORITHM = INSTANT")) {
            return METADATA;
        }
        if (s.contains("LOCK=NONE") || s.contains("LOCK = NONE")) {
            return ONLINE;
        }
        if (s.startsWith("ALTER TABLE") && COPYING.matcher(s).find()) {
            return COPY;
        }
        return s.startsWith("CREATE INDEX") || s.startsWith("CREATE UNIQUE INDEX") ? ONLINE : METADATA;
    }
}

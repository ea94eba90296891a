package io.strata.dialect.postgres;

import io.strata.dialect.StatementClassifier;
import io.strata.model.Catalog;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.plan.LockImpact;

import java.util.List;
import java.util.regex.Pattern;

import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE_REWRITE;
import static io.strata.dialect.postgres.PostgresPlanContext.ACCESS_EXCLUSIVE_SCAN;
import static io.strata.dialect.postgres.PostgresPlanContext.SHARE_UPDATE_EXCLUSIVE;
import static io.strata.dialect.postgres.PostgresPlanContext.VALIDATE;

/**
 * PostgresStatementClassifier knows the lock of PostgreSQL DDL as the documentation gives it ("Explicit
 * Locking"): {@code CONCURRENTLY} builds take SHARE UPDATE EXCLUSIVE outside a transaction, a plain index
 * build SHARE for its whole scan, and most {@code ALTER TABLE} forms ACCESS EXCLUSIVE, with a scan when
 * they check existing rows and a rewrite when they change how rows are stored. Told the changes a statement made,
 * it also knows a type change that keeps the stored bytes (binary coercible, {@link PostgresTypeChange}) rewrites
 * nothing; from the text alone every type change counts as a rewrite.
 */
final class PostgresStatementClassifier implements StatementClassifier {

    private static final LockImpact SHARE_SCAN = new LockImpact("SHARE", false, true);
    private static final LockImpact SHARE_ROW_EXCLUSIVE_SCAN = new LockImpact("SHARE ROW EXCLUSIVE", false, true);
    private static final LockImpact ROW_EXCLUSIVE = new LockImpact("ROW EXCLUSIVE", false, false);

    private static final Pattern OUTSIDE_TRANSACTION = Pattern.compile(
            "^(CREATE (UNIQUE )?INDEX CONCURRENTLY|DROP INDEX CONCURRENTLY|REINDEX .*CONCURRENTLY|VACUUM|CREATE DATABASE"
                    + "|DROP DATABASE|ALTER SYSTEM|CREATE TABLESPACE|DROP TABLESPACE)\\b");
    private static final Pattern TYPE_CHANGE = Pattern.compile(" ALTER (COLUMN )?\\S+ (SET DATA )?TYPE ");
    private static final Pattern UNVALIDATED = Pattern.compile(" NOT VALID\\b");
    private static final Pattern KEY_WITHOUT_INDEX = Pattern.compile(" ADD (CONSTRAINT \\S+ )?(PRIMARY KEY|UNIQUE)\\b(?!.* USING INDEX)");
    private static final Pattern CHECK = Pattern.compile(" ADD (CONSTRAINT \\S+ )?CHECK\\b");
    private static final Pattern FOREIGN_KEY = Pattern.compile(" ADD (CONSTRAINT \\S+ )?FOREIGN KEY\\b| ADD (COLUMN )?\\S+ .*REFERENCES\\b");
    private static final Pattern ADD_COLUMN = Pattern.compile(" ADD (COLUMN )?(IF NOT EXISTS )?(?!CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)");
    private static final Pattern STORED_VALUE = Pattern.compile("GENERATED .*(STORED|IDENTITY)|\\bSERIAL\\b|\\bBIGSERIAL\\b|\\bSMALLSERIAL\\b");

    @Override
    public boolean transactional(String sql) {
        return !OUTSIDE_TRANSACTION.matcher(StatementClassifier.flat(sql)).find();
    }

    @Override
    public LockImpact lock(String sql) {
        String s = StatementClassifier.flat(sql);
        if (s.startsWith("CREATE INDEX CONCURRENTLY") || s.startsWith("CREATE UNIQUE INDEX CONCURRENTLY")) {
            return VALIDATE;
        }
        if (s.startsWith("DROP INDEX CONCURRENTLY")) {
            return SHARE_UPDATE_EXCLUSIVE;
        }
        if (s.startsWith("CREATE INDEX") || s.startsWith("CREATE UNIQUE INDEX")) {
            return SHARE_SCAN;
        }
        if (s.startsWith("VACUUM FULL") || s.startsWith("CLUSTER")) {
            return ACCESS_EXCLUSIVE_REWRITE;
        }
        if (s.startsWith("UPDATE") || s.startsWith("DELETE") || s.startsWith("INSERT")) {
            return ROW_EXCLUSIVE;
        }
        if (!s.startsWith("ALTER TABLE")) {
            return s.startsWith("DROP TABLE") || s.startsWith("TRUNCATE") ? ACCESS_EXCLUSIVE : LockImpact.NONE;
        }
        return alterTable(s, TYPE_CHANGE.matcher(s).find());
    }

    @Override
    public LockImpact lock(String sql, List<SchemaChange> changes, Catalog before) {
        String s = StatementClassifier.flat(sql);
        if (s.startsWith("ALTER TABLE") && TYPE_CHANGE.matcher(s).find() && !s.contains(" USING ") && keepStoredBytes(changes)) {
            return alterTable(s, false);
        }
        return lock(sql);
    }

    /** Whether the statement changed some column's type and every such change is binary coercible. */
    private static boolean keepStoredBytes(List<SchemaChange> changes) {
        List<SchemaChange.ModifyColumn> retyped = changes.stream()
                .filter(c -> c instanceof SchemaChange.ModifyColumn m && m.kinds().contains(ColumnChangeKind.TYPE))
                .map(SchemaChange.ModifyColumn.class::cast).toList();
        return !retyped.isEmpty() && retyped.stream()
                .allMatch(m -> PostgresTypeChange.of(m.from().type(), m.to().type()).binaryCoercible());
    }

    /** @param rewritingTypeChange whether the statement changes a column's type in a way that rewrites the rows */
    private static LockImpact alterTable(String s, boolean rewritingTypeChange) {
        if (s.contains(" VALIDATE CONSTRAINT ")) {
            return VALIDATE;
        }
        if (rewritingTypeChange) {
            return ACCESS_EXCLUSIVE_REWRITE;
        }
        if (ADD_COLUMN.matcher(s).find() && (STORED_VALUE.matcher(s).find()
                || (s.contains(" DEFAULT ") && PostgresColumnSteps.volatileDefault(s)))) {
            return ACCESS_EXCLUSIVE_REWRITE;
        }
        boolean unvalidated = UNVALIDATED.matcher(s).find();
        if (FOREIGN_KEY.matcher(s).find() && !unvalidated) {
            return SHARE_ROW_EXCLUSIVE_SCAN;
        }
        if ((CHECK.matcher(s).find() && !unvalidated) || s.contains(" SET NOT NULL") || KEY_WITHOUT_INDEX.matcher(s).find()) {
            return ACCESS_EXCLUSIVE_SCAN;
        }
        return ACCESS_EXCLUSIVE;
    }
}

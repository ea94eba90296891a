package io.strata.plan.lint;

import io.strata.plan.LockImpact;
import io.strata.plan.Phase;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LockingAnalyzer finds the steps that hold a lock for a time that grows with the table: while they
 * run, the application's queries on that table queue. Tables created by the same plan are empty, so
 * their steps are never flagged.
 */
public final class LockingAnalyzer implements Analyzer {

    public static final LintRule TABLE_REWRITE = new LintRule("LK101", Family.LOCKING,
            "table rewrite that blocks writers");
    public static final LintRule EXCLUSIVE_SCAN = new LintRule("LK102", Family.LOCKING,
            "full scan under a lock that blocks writers");
    public static final LintRule BLOCKING_INDEX_BUILD = new LintRule("LK103", Family.LOCKING,
            "index built without CONCURRENTLY");
    public static final LintRule MYSQL_COPY = new LintRule("LK104", Family.LOCKING, "MySQL ALGORITHM=COPY");

    private static final Pattern PLAIN_INDEX_BUILD = Pattern.compile("^CREATE (UNIQUE )?INDEX (?!CONCURRENTLY)");

    /** A hand-written COMMIT (or END) ends the transaction, and the locks with it. */
    private static final Pattern COMMIT = Pattern.compile("(?i)^\\s*(COMMIT|END)\\s*(WORK|TRANSACTION)?\\s*$");

    /** Locks that queue the application's writes: a scan in their transaction holds the writers up until it ends. */
    private static final Set<String> BLOCKING_WRITERS = Set.of("ACCESS EXCLUSIVE", "EXCLUSIVE", "SHARE ROW EXCLUSIVE", "SHARE");

    @Override
    public List<LintRule> rules() {
        return List.of(TABLE_REWRITE, EXCLUSIVE_SCAN, BLOCKING_INDEX_BUILD, MYSQL_COPY);
    }

    @Override
    public List<Diagnostic> analyze(LintPass pass) {
        List<Diagnostic> out = new ArrayList<>();
        for (Phase phase : pass.plan().phases()) {
            // The steps of the transaction running so far: a lock is held until it commits (MySQL commits each DDL).
            List<Step> transaction = new ArrayList<>();
            for (Step step : phase.steps()) {
                if (!step.transactional() || pass.mysql() || COMMIT.matcher(step.sql()).find()) {
                    transaction.clear();
                }
                if (pass.touchesExistingTable(step)) {
                    List<Diagnostic> found = diagnose(step, pass.mysql());
                    out.addAll(found.isEmpty() ? scanUnderHeldLock(step, transaction) : found);
                }
                if (step.transactional()) {
                    transaction.add(step);
                }
            }
        }
        return out;
    }

    /**
     * A scan that is harmless on its own ({@code VALIDATE CONSTRAINT}) but runs in the transaction of an earlier step
     * that locked the same table against writers ({@code ADD CONSTRAINT ... NOT VALID}): that lock is held until the
     * transaction commits, so the writers wait for the whole scan, as if the constraint had been added validated.
     */
    private static List<Diagnostic> scanUnderHeldLock(Step step, List<Step> transaction) {
        if (!step.lock().scan() || step.source() == null) {
            return List.of();
        }
        String table = step.source().tableLocation();
        return transaction.stream()
                .filter(held -> held.source() != null && held.source().tableLocation().equals(table)
                        && BLOCKING_WRITERS.contains(held.lock().lock()))
                .findFirst()
                .map(held -> List.of(EXCLUSIVE_SCAN.at(LintPass.locationOf(step), step.description()
                        + " reads every row while " + held.lock().lock() + ", taken by " + held.description()
                        + " in the same transaction, is still held, blocking writers: validate in a later migration", step)))
                .orElse(List.of());
    }

    private static List<Diagnostic> diagnose(Step step, boolean mysql) {
        String where = LintPass.locationOf(step);
        LockImpact lock = step.lock();
        String sql = step.sql().toUpperCase(Locale.ROOT);
        // A COPY is also a rewrite; it gets its own, more specific code so it can be configured apart.
        if (sql.contains("ALGORITHM=COPY")) {
            return List.of(MYSQL_COPY.at(where, step.description() + " copies the whole table with ALGORITHM=COPY, "
                    + "blocking writers until it finishes", step));
        }
        if (lock.rewrite() && lock.blocksWritersLong()) {
            return List.of(TABLE_REWRITE.at(where, step.description() + " rewrites the table under " + lock.lock()
                    + ", blocking writers until it finishes", step));
        }
        if (!mysql && PLAIN_INDEX_BUILD.matcher(sql).find()) {
            return List.of(BLOCKING_INDEX_BUILD.at(where, step.description()
                    + " builds an index without CONCURRENTLY, blocking writers until it finishes", step));
        }
        if (lock.scan() && lock.lock().equals("ACCESS EXCLUSIVE")) {
            return List.of(EXCLUSIVE_SCAN.at(where, step.description()
                    + " reads every row under ACCESS EXCLUSIVE, blocking readers and writers", step));
        }
        // A foreign key validated as it is added (no NOT VALID) scans under SHARE ROW EXCLUSIVE on both tables.
        if (lock.scan() && lock.lock().equals("SHARE ROW EXCLUSIVE")) {
            return List.of(EXCLUSIVE_SCAN.at(where, step.description()
                    + " reads every row under SHARE ROW EXCLUSIVE, blocking writers", step));
        }
        return List.of();
    }
}

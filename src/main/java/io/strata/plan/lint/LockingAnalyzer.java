package io.strata.plan.lint;

import io.strata.plan.LockImpact;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    @Override
    public List<LintRule> rules() {
        return List.of(TABLE_REWRITE, EXCLUSIVE_SCAN, BLOCKING_INDEX_BUILD, MYSQL_COPY);
    }

    @Override
    public List<Diagnostic> analyze(LintPass pass) {
        List<Diagnostic> out = new ArrayList<>();
        for (Step step : pass.plan().steps()) {
            if (pass.touchesExistingTable(step)) {
                diagnose(step, pass.mysql()).forEach(out::add);
            }
        }
        return out;
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

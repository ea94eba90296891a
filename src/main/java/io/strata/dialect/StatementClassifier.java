package io.strata.dialect;

import io.strata.plan.LockImpact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A StatementClassifier reads a hand-written statement (a migration file's) and says what the planner
 * knows of its own steps: the lock it takes, whether it rewrites or scans the table under that lock, and
 * whether it may run inside a transaction. It reads text, so it is conservative: what it cannot tell
 * apart (a type change that happens to be binary-coercible) it reports as the costlier case.
 */
public interface StatementClassifier {

    Pattern TARGET = Pattern.compile("(?i)^\\s*(?:alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?"
            + "|create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?(?:[^\\s(]+\\s+)?on\\s+(?:only\\s+)?"
            + "|drop\\s+table\\s+(?:if\\s+exists\\s+)?|truncate\\s+(?:table\\s+)?(?:only\\s+)?|update\\s+(?:only\\s+)?"
            + "|delete\\s+from\\s+(?:only\\s+)?|insert\\s+into\\s+|vacuum\\s+full\\s+|cluster\\s+)"
            + "((?:\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[\\w$]+))*)");

    LockImpact lock(String sql);

    boolean transactional(String sql);

    /** The table the statement changes, unquoted and without its schema, when it names one. */
    default Optional<String> table(String sql) {
        Matcher m = TARGET.matcher(sql);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        String last = name.substring(name.lastIndexOf('.') + 1).trim();
        boolean quoted = last.startsWith("\"") || last.startsWith("`");
        return Optional.of(quoted ? last.substring(1, last.length() - 1) : last.toLowerCase(Locale.ROOT));
    }

    /** A statement that only changes rows, after any leading comments: INSERT, UPDATE, DELETE, REPLACE, MERGE. */
    Pattern ROW_CHANGE = Pattern.compile("(?is)^(?:\\s+|--[^\\n]*\\n|/\\*.*?\\*/)*(?:insert|update|delete|replace|merge)\\b");

    /**
     * Whether {@code sql} only changes rows, so that it can share a transaction with its history mark even where
     * DDL commits on its own (MySQL).
     */
    static boolean changesRows(String sql) {
        return ROW_CHANGE.matcher(sql).find();
    }

    /** Upper case on one line, so patterns need not care about layout. */
    static String flat(String sql) {
        return sql.replaceAll("\\s+", " ").trim().toUpperCase(Locale.ROOT);
    }
}

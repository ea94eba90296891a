package io.strata.dialect;

import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;
import io.strata.plan.LockImpact;

import java.util.ArrayList;
import java.util.List;
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

    /** A name as a statement writes it: quoted ("", ``) or bare, optionally qualified. */
    String NAME = "(?:\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[\\w$]+))*";

    /** Statements that name several tables: group 1 holds the list (DROP TABLE a, b; RENAME TABLE a TO b, c TO d). */
    Pattern TABLE_LIST = Pattern.compile("(?is)^\\s*(?:drop\\s+table\\s+(?:if\\s+exists\\s+)?|rename\\s+tables?\\s+)(.*)");

    /** A table created or renamed: group 1 the name it gets (CREATE TABLE x, ALTER TABLE a RENAME TO x). */
    Pattern NEW_NAME = Pattern.compile("(?is)^\\s*(?:create\\s+(?:(?:global\\s+|local\\s+)?(?:temporary|temp|unlogged)\\s+)?table\\s+"
            + "(?:if\\s+not\\s+exists\\s+)?|alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME + "\\s+rename\\s+(?:to|as)\\s+)(" + NAME + ")");

    LockImpact lock(String sql);

    /**
     * The lock of {@code sql} knowing the changes it made ({@code changes}, those the diff of its file gives it) to
     * tables as {@code before} held them: what the text cannot tell, such as whether a type change keeps the stored
     * bytes or which algorithm a MySQL server picks when the statement names none, is read from them. By default
     * the text alone decides.
     */
    default LockImpact lock(String sql, List<SchemaChange> changes, Catalog before) {
        return lock(sql);
    }

    boolean transactional(String sql);

    /** The table the statement changes, unquoted and without its schema, when it names one. */
    default Optional<String> table(String sql) {
        Matcher m = TARGET.matcher(sql);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(unquoted(m.group(1)));
    }

    /**
     * Every table the statement names as one it creates, changes, renames or drops, unquoted and without schema: both
     * names of a rename, each table of {@code DROP TABLE a, b}.
     */
    default List<String> tables(String sql) {
        List<String> names = new ArrayList<>();
        Matcher list = TABLE_LIST.matcher(sql);
        if (list.find()) {
            Matcher name = Pattern.compile(NAME).matcher(list.group(1));
            while (name.find()) {
                String n = name.group();
                if (!n.equalsIgnoreCase("to") && !n.equalsIgnoreCase("cascade") && !n.equalsIgnoreCase("restrict")) {
                    names.add(unquoted(n));
                }
            }
            return names;
        }
        table(sql).ifPresent(names::add);
        Matcher renamed = NEW_NAME.matcher(sql);
        if (renamed.find()) {
            names.add(unquoted(renamed.group(1)));
        }
        return names;
    }

    /** The last part of a possibly qualified name, unquoted; a bare name in lower case, as servers fold it. */
    private static String unquoted(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1).trim();
        boolean quoted = last.startsWith("\"") || last.startsWith("`");
        return quoted ? last.substring(1, last.length() - 1) : last.toLowerCase(Locale.ROOT);
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

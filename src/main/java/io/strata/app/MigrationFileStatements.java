package io.strata.app;

import io.strata.dialect.Dialect;
import io.strata.dialect.SqlScript;
import io.strata.dialect.SqlStatements;
import io.strata.dialect.StatementClassifier;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MigrationFileStatements turns a hand-written migration file into plan steps, one per statement, and tells which
 * statement made each change of the file's diff: the first that names the change's table and its column, index or
 * constraint, else the first that names the table. The scratch database only shows the schema after the whole file,
 * so the statements are matched to the changes by the names they mention.
 */
public final class MigrationFileStatements {

    /** A statement of the file: the line it starts on, its step, and the changes it made (the step's source is the first). */
    public record FileStatement(int line, Step step, List<SchemaChange> changes) {
    }

    private MigrationFileStatements() {
    }

    /** The statements of {@code script}, which turned {@code before} into a schema that differs from it by {@code changes}. */
    static List<FileStatement> of(SqlScript script, Dialect dialect, List<SchemaChange> changes, Catalog before) {
        StatementClassifier classifier = dialect.classifier();
        List<SqlStatements.Statement> statements = SqlStatements.split(script.text(), dialect.name().equals("mysql"));
        List<List<String>> tables = statements.stream().map(s -> classifier.tables(s.text())).toList();
        Map<Integer, List<SchemaChange>> made = new LinkedHashMap<>();
        for (SchemaChange change : changes) {
            int at = madeBy(change, statements, tables);
            if (at >= 0) {
                made.computeIfAbsent(at, i -> new ArrayList<>()).add(change);
            }
        }
        List<FileStatement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i).text();
            List<SchemaChange> own = made.getOrDefault(i, List.of());
            // A statement that made no change of its own (UPDATE, VACUUM FULL) still locks the table it names.
            SchemaChange source = !own.isEmpty() ? own.get(0) : onTables(changes, tables.get(i)).stream().findFirst().orElse(null);
            Step step = new Step(describe(sql), sql, new Reverse.Irreversible("written by hand"), classifier.transactional(sql),
                    classifier.lock(sql, own, before), source);
            out.add(new FileStatement(statements.get(i).line(), step, List.copyOf(own)));
        }
        return out;
    }

    /** The index of the statement that made {@code change}, or -1 when none names its table. */
    private static int madeBy(SchemaChange change, List<SqlStatements.Statement> statements, List<List<String>> tables) {
        List<String> names = tableNames(change);
        String element = change instanceof SchemaChange.InTable in ? in.elementName() : null;
        int first = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (tables.get(i).stream().noneMatch(t -> names.stream().anyMatch(t::equalsIgnoreCase))) {
                continue;
            }
            if (element == null || mentions(statements.get(i).text(), element)) {
                return i;
            }
            first = first < 0 ? i : first;
        }
        return first;
    }

    /** The names a statement may give the change's table: a renamed table's old and new one. */
    private static List<String> tableNames(SchemaChange change) {
        if (change instanceof SchemaChange.RenameTable r) {
            return List.of(r.from().name(), r.to().name());
        }
        if (change instanceof SchemaChange.InTable in) {
            return List.of(in.table());
        }
        return change instanceof SchemaChange.OfTable of ? List.of(of.objectName()) : List.of();
    }

    private static List<SchemaChange> onTables(List<SchemaChange> changes, List<String> tables) {
        return changes.stream().filter(c -> tableNames(c).stream().anyMatch(n -> tables.stream().anyMatch(n::equalsIgnoreCase))).toList();
    }

    /** Whether {@code sql} names {@code name} as a whole word, bare or quoted. */
    private static boolean mentions(String sql, String name) {
        return Pattern.compile("(?<![\\w$])[\"`]?" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "[\"`]?(?![\\w$])")
                .matcher(sql.toLowerCase(Locale.ROOT)).find();
    }

    /** The statement on one line, cut to a length that fits a line of lint output. */
    private static String describe(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
    }
}

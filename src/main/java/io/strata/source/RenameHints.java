package io.strata.source;

import io.strata.dialect.SqlScript;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RenameHints reads the renames a SQL source declares and marks them on the replayed {@link Catalog}.
 * A scratch database forgets how a name came to be, so the hints come from the text: the comment
 * {@code -- strata:renamed-from <old>} on a table's, view's or column's line (or alone on the line
 * before it), and explicit {@code ALTER TABLE ... RENAME} / {@code RENAME TABLE} statements of a
 * migration directory. Renames are never guessed from similarity.
 */
public final class RenameHints {

    /** A declared rename: {@code column} is null for a table or view. */
    record Hint(String table, String column, String oldName) {
    }

    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|[A-Za-z_][\\w$]*)";
    private static final String QUALIFIED = "(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*)";
    private static final Pattern COMMENT = Pattern.compile("--\\s*strata:renamed-from\\s+(" + IDENT + ")");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)^\\s*create\\s+(?:(?:global\\s+|local\\s+)?(?:temporary|temp|unlogged)\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + QUALIFIED);
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "(?i)^\\s*create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?" + QUALIFIED);
    private static final Pattern COLUMN_LINE = Pattern.compile("^\\s*,?\\s*(" + IDENT + ")\\s+\\S");
    /** An ALTER TABLE statement: group 1 its table, group 2 its clauses. */
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "(?i)alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + QUALIFIED + "\\s+([^;]*)");
    /** A clause of an ALTER TABLE that renames a column: RENAME COLUMN old TO new, or MySQL's CHANGE old new type. */
    private static final Pattern RENAME_COLUMN = Pattern.compile(
            "(?i)(?:^|,)\\s*(?:rename\\s+column\\s+(" + IDENT + ")\\s+to\\s+(" + IDENT + ")"
                    + "|change\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?(" + IDENT + ")\\s+(" + IDENT + ")\\s)");
    private static final Pattern RENAME_TABLE_ALTER = Pattern.compile(
            "(?i)alter\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?" + QUALIFIED + "\\s+rename\\s+to\\s+" + QUALIFIED);
    /** MySQL's RENAME TABLE: group 1 its list of {@code old TO new} pairs. */
    private static final Pattern RENAME_TABLE_MYSQL = Pattern.compile("(?i)rename\\s+tables?\\s+([^;]*)");
    private static final Pattern RENAME_PAIR = Pattern.compile("(?i)" + QUALIFIED + "\\s+to\\s+" + QUALIFIED);
    private static final List<String> NOT_COLUMNS = List.of("constraint", "primary", "unique", "check", "foreign",
            "key", "index", "exclude", "like", "fulltext", "spatial", "period");

    private RenameHints() {
    }

    /** {@code catalog} with the renames declared in {@code scripts} marked as {@code renamedFrom}. */
    public static Catalog apply(Catalog catalog, List<SqlScript> scripts) {
        List<Hint> hints = new ArrayList<>();
        scripts.forEach(s -> hints.addAll(find(s.text())));
        if (hints.isEmpty()) {
            return catalog;
        }
        List<Schema> schemas = catalog.schemas().stream().map(s -> mark(s, hints)).toList();
        return catalog.withSchemas(schemas);
    }

    static List<Hint> find(String sql) {
        List<Hint> hints = new ArrayList<>();
        String currentTable = null;
        String pending = null;
        for (String line : sql.split("\n", -1)) {
            Matcher comment = COMMENT.matcher(line);
            String hint = comment.find() ? unquote(comment.group(1)) : null;
            String code = comment.find(0) ? line.substring(0, comment.start()) : stripComment(line);
            if (code.isBlank()) {
                pending = hint != null ? hint : pending;
                continue;
            }
            String old = hint != null ? hint : pending;
            pending = null;
            Matcher table = CREATE_TABLE.matcher(code);
            Matcher view = CREATE_VIEW.matcher(code);
            if (table.find()) {
                currentTable = lastPart(table.group(1));
                if (old != null) {
                    hints.add(new Hint(currentTable, null, old));
                }
            } else if (view.find()) {
                currentTable = null;
                if (old != null) {
                    hints.add(new Hint(lastPart(view.group(1)), null, old));
                }
            } else if (old != null && currentTable != null) {
                Matcher column = COLUMN_LINE.matcher(code);
                if (column.find() && !NOT_COLUMNS.contains(unquote(column.group(1)).toLowerCase(Locale.ROOT))) {
                    hints.add(new Hint(currentTable, unquote(column.group(1)), old));
                }
            }
        }
        String flat = sql.replaceAll("--[^\n]*", " ");
        Matcher alter = ALTER_TABLE.matcher(flat);
        while (alter.find()) {
            Matcher m = RENAME_COLUMN.matcher(alter.group(2));
            while (m.find()) {
                String old = m.group(1) != null ? m.group(1) : m.group(3);
                String renamed = m.group(1) != null ? m.group(2) : m.group(4);
                // CHANGE names the column twice even when it keeps its name.
                if (!unquote(old).equalsIgnoreCase(unquote(renamed))) {
                    hints.add(new Hint(lastPart(alter.group(1)), unquote(renamed), unquote(old)));
                }
            }
        }
        Matcher m = RENAME_TABLE_ALTER.matcher(flat);
        while (m.find()) {
            hints.add(new Hint(lastPart(m.group(2)), null, lastPart(m.group(1))));
        }
        Matcher renameTable = RENAME_TABLE_MYSQL.matcher(flat);
        while (renameTable.find()) {
            Matcher pair = RENAME_PAIR.matcher(renameTable.group(1));
            while (pair.find()) {
                hints.add(new Hint(lastPart(pair.group(2)), null, lastPart(pair.group(1))));
            }
        }
        return hints;
    }

    private static Schema mark(Schema schema, List<Hint> hints) {
        List<Table> tables = schema.tables().stream().map(t -> mark(t, hints)).toList();
        List<View> views = schema.views().stream().map(v -> hints.stream()
                .filter(h -> h.column() == null && h.table().equalsIgnoreCase(v.name())).findFirst()
                .map(h -> v.withRenamedFrom(h.oldName()))
                .orElse(v)).toList();
        return new Schema(schema.name(), tables, views, schema.enums(), schema.sequences(), schema.comment(),
                schema.charset(), schema.collation(), schema.collations(), schema.objects());
    }

    private static Table mark(Table table, List<Hint> hints) {
        Table out = table;
        for (Hint h : hints) {
            if (h.column() == null && h.table().equalsIgnoreCase(table.name())) {
                out = out.withRenamedFrom(h.oldName());
            }
        }
        List<Column> columns = out.columns().stream().map(c -> hints.stream()
                .filter(h -> h.column() != null && h.column().equalsIgnoreCase(c.name()) && h.table().equalsIgnoreCase(table.name()))
                .findFirst().map(h -> c.withRenamedFrom(h.oldName())).orElse(c)).toList();
        return out.withColumns(columns);
    }

    private static String stripComment(String line) {
        int at = line.indexOf("--");
        return at < 0 ? line : line.substring(0, at);
    }

    private static String lastPart(String qualified) {
        List<String> parts = new ArrayList<>();
        Matcher m = Pattern.compile(IDENT).matcher(qualified);
        while (m.find()) {
            parts.add(m.group());
        }
        return unquote(parts.get(parts.size() - 1));
    }

    /** Strips identifier quotes; names are then matched without regard to case, as servers fold bare names differently. */
    static String unquote(String ident) {
        if (ident.startsWith("\"") && ident.endsWith("\"")) {
            return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        }
        if (ident.startsWith("`") && ident.endsWith("`")) {
            return ident.substring(1, ident.length() - 1).replace("``", "`");
        }
        return ident;
    }
}

package io.strata.bench;

import io.strata.model.change.SchemaChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * ExpectedChanges turns the ground truth of gen_schema.py ({@code changes.txt}, read against the
 * base schema {@code a.sql}) into the {@link SchemaChange}s the differ must report, as keys
 * {@code Type location [kinds]}, and compares them with what the differ found.
 *
 * <p>The log is replayed per table in order, so that steps that cancel out (a column added then
 * dropped, NOT NULL toggled twice) leave nothing, and steps on one column merge into one
 * {@code ModifyColumn}. Besides the listed changes, two kinds of expected change do not appear as
 * lines of changes.txt and are tagged so a report can show them:
 * <ul>
 *   <li>{@code cascade}: the generator removes the indexes and checks over a dropped column (as
 *       PostgreSQL's {@code DROP COLUMN} does), so the differ reports a {@code DropIndex} /
 *       {@code DropCheck} for each of them;</li>
 *   <li>{@code derived}: turning a {@code text} column into {@code varchar(500)} changes how PostgreSQL
 *       prints what mentions it: a default {@code ''::text} becomes {@code ''::character varying}
 *       (a DEFAULT change) and a check {@code length(c) > 0} becomes {@code length((c)::text) > 0}
 *       (a ModifyCheck).</li>
 * </ul>
 */
public final class ExpectedChanges {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?s)CREATE TABLE (\\w+) \\((.*)\\)");
    private static final Pattern COLUMN = Pattern.compile(
            "(\\w+) (double precision|varchar\\(\\d+\\)|numeric\\(\\d+,\\d+\\)|char\\(\\d+\\)|\\w+)(.*)");
    private static final Pattern CHECK = Pattern.compile("CONSTRAINT (\\w+) CHECK \\((.*)\\)");
    private static final Pattern INDEX = Pattern.compile("CREATE (?:UNIQUE )?INDEX (\\w+) ON (\\w+) \\(([^)]*)\\).*");
    private static final Pattern DEFAULT = Pattern.compile(" DEFAULT (.*?)(?: NOT NULL)?$");
    private static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_]*");

    private static final Pattern ADD_COLUMN = Pattern.compile("add column (\\w+) (.*)");
    private static final Pattern DROP_COLUMN = Pattern.compile("drop column (\\w+)");
    private static final Pattern ALTER_TYPE = Pattern.compile("alter column (\\w+) type (.*) -> (.*)");
    private static final Pattern ADD_INDEX = Pattern.compile("add index (\\w+) \\(([^)]*)\\)");
    private static final Pattern DROP_INDEX = Pattern.compile("drop index (\\w+)");
    private static final Pattern NOTNULL = Pattern.compile("column (\\w+) notnull -> (True|False)");
    private static final Pattern SET_DEFAULT = Pattern.compile("column (\\w+) default -> (.*)");

    private ExpectedChanges() {
    }

    /** One change the differ must report: its key, why ({@code listed}, {@code cascade}, {@code derived}) and the log lines behind it. */
    public record Expected(String key, String origin, String because) {
    }

    private static final class Col {
        String type;
        String dflt;
        boolean notNull;
        boolean exists;
    }

    private static final class Tbl {
        final Map<String, Col> cols = new LinkedHashMap<>();
        final Map<String, List<String>> indexes = new LinkedHashMap<>();
        final Map<String, String> checks = new LinkedHashMap<>();
    }

    /** The base schema as gen_schema.py wrote it, by table. */
    static Map<String, Tbl> parseBase(String aSql) {
        Map<String, Tbl> tables = new LinkedHashMap<>();
        for (String stmt : BenchFixture.statements(aSql)) {
            Matcher m;
            if ((m = CREATE_TABLE.matcher(stmt)).matches()) {
                Tbl t = new Tbl();
                for (String raw : m.group(2).strip().split(",\\n")) {
                    String line = raw.strip();
                    Matcher ck = CHECK.matcher(line);
                    if (ck.matches()) {
                        t.checks.put(ck.group(1), ck.group(2));
                    } else if (!line.startsWith("CONSTRAINT ")) {
                        Matcher cm = COLUMN.matcher(line);
                        if (!cm.matches()) {
                            throw new IllegalArgumentException("unknown column line: " + line);
                        }
                        Col c = new Col();
                        c.type = cm.group(2);
                        Matcher d = DEFAULT.matcher(cm.group(3));
                        c.dflt = d.find() ? d.group(1) : null;
                        c.notNull = cm.group(3).contains("NOT NULL");
                        c.exists = true;
                        t.cols.put(cm.group(1), c);
                    }
                }
                tables.put(m.group(1), t);
            } else if ((m = INDEX.matcher(stmt)).matches()) {
                tables.get(m.group(2)).indexes.put(m.group(1), List.of(m.group(3).split(",\\s*")));
            }
        }
        return tables;
    }

    /** The changes the differ must find going from a.sql to b.sql, in schema {@code schema}. */
    public static List<Expected> expected(String aSql, List<String> changeLines, String schema) {
        Map<String, Tbl> base = parseBase(aSql);
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        for (String line : changeLines) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("unknown changes.txt line: " + line);
            }
            byTable.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line);
        }
        List<Expected> out = new ArrayList<>();
        for (var entry : byTable.entrySet()) {
            String table = entry.getKey();
            String at = schema + "." + table;
            List<String> lines = entry.getValue();
            String why = String.join(" | ", lines);
            if (lines.stream().anyMatch(l -> l.endsWith(": drop table"))) {
                out.add(new Expected("DropTable " + at, "listed", why));
                continue;
            }
            if (lines.stream().anyMatch(l -> l.endsWith(": create table"))) {
                out.add(new Expected("AddTable " + at, "listed", why));
                continue;
            }
            out.addAll(replayTable(at, base.get(table), lines));
        }
        return out;
    }

    private static List<Expected> replayTable(String at, Tbl base, List<String> lines) {
        if (base == null) {
            throw new IllegalArgumentException("changes.txt names a table a.sql lacks: " + at);
        }
        // current state, starting from a copy of the base
        Map<String, Col> cols = new LinkedHashMap<>();
        base.cols.forEach((n, c) -> {
            Col copy = new Col();
            copy.type = c.type;
            copy.dflt = c.dflt;
            copy.notNull = c.notNull;
            copy.exists = true;
            cols.put(n, copy);
        });
        Map<String, List<String>> indexes = new LinkedHashMap<>(base.indexes);
        Map<String, String> checks = new LinkedHashMap<>(base.checks);
        Map<String, String> cascaded = new HashMap<>(); // index/check name -> the line that removed it
        Map<String, List<String>> linesByColumn = new HashMap<>();
        Map<String, String> indexLine = new HashMap<>();

        for (String full : lines) {
            String op = full.substring(full.indexOf(": ") + 2);
            Matcher m;
            if ((m = ADD_COLUMN.matcher(op)).matches()) {
                Col c = new Col();
                c.type = m.group(2);
                c.exists = true;
                cols.put(m.group(1), c);
                linesByColumn.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(full);
            } else if ((m = DROP_COLUMN.matcher(op)).matches()) {
                String name = m.group(1);
                cols.get(name).exists = false;
                linesByColumn.computeIfAbsent(name, k -> new ArrayList<>()).add(full);
                for (var it = indexes.entrySet().iterator(); it.hasNext(); ) {
                    var ix = it.next();
                    if (ix.getValue().contains(name)) {
                        it.remove();
                        cascaded.put("index " + ix.getKey(), full);
                    }
                }
                for (var it = checks.entrySet().iterator(); it.hasNext(); ) {
                    var ck = it.next();
                    if (mentions(ck.getValue(), name)) {
                        it.remove();
                        cascaded.put("check " + ck.getKey(), full);
                    }
                }
            } else if ((m = ALTER_TYPE.matcher(op)).matches()) {
                cols.get(m.group(1)).type = m.group(3);
                linesByColumn.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(full);
            } else if ((m = ADD_INDEX.matcher(op)).matches()) {
                indexes.put(m.group(1), List.of(m.group(2).split(",\\s*")));
                cascaded.remove("index " + m.group(1));
                indexLine.put(m.group(1), full);
            } else if ((m = DROP_INDEX.matcher(op)).matches()) {
                indexes.remove(m.group(1));
                indexLine.put(m.group(1), full);
            } else if ((m = NOTNULL.matcher(op)).matches()) {
                cols.get(m.group(1)).notNull = "True".equals(m.group(2));
                linesByColumn.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(full);
            } else if ((m = SET_DEFAULT.matcher(op)).matches()) {
                cols.get(m.group(1)).dflt = "None".equals(m.group(2)) ? null : m.group(2);
                linesByColumn.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(full);
            } else {
                throw new IllegalArgumentException("unknown changes.txt line: " + full);
            }
        }

        List<Expected> out = new ArrayList<>();
        for (var e : cols.entrySet()) {
            String name = e.getKey();
            Col now = e.getValue();
            Col was = base.cols.get(name);
            String why = String.join(" | ", linesByColumn.getOrDefault(name, List.of()));
            boolean existed = was != null;
            if (existed && !now.exists) {
                out.add(new Expected("DropColumn " + at + "." + name, "listed", why));
            } else if (!existed && now.exists) {
                out.add(new Expected("AddColumn " + at + "." + name, "listed", why));
            } else if (existed) {
                Set<String> kinds = new TreeSet<>();
                boolean derived = false;
                if (!was.type.equals(now.type)) {
                    kinds.add("TYPE");
                }
                if (was.notNull != now.notNull) {
                    kinds.add("NULLABILITY");
                }
                if (!Objects.equals(was.dflt, now.dflt)) {
                    kinds.add("DEFAULT");
                } else if (was.dflt != null && textToVarchar(was, now)) {
                    kinds.add("DEFAULT");
                    derived = true;
                }
                if (!kinds.isEmpty()) {
                    out.add(new Expected("ModifyColumn " + at + "." + name + " " + kinds,
                            derived ? "listed+derived" : "listed", why));
                }
                if (textToVarchar(was, now)) {
                    for (var ck : checks.entrySet()) {
                        if (base.checks.containsKey(ck.getKey()) && ck.getValue().contains("length(" + name + ")")) {
                            out.add(new Expected("ModifyCheck " + at + "." + ck.getKey(), "derived", why));
                        }
                    }
                }
            }
        }
        for (var e : base.indexes.entrySet()) {
            String name = e.getKey();
            if (!indexes.containsKey(name)) {
                String cascadeLine = cascaded.get("index " + name);
                out.add(cascadeLine != null
                        ? new Expected("DropIndex " + at + "." + name, "cascade", cascadeLine)
                        : new Expected("DropIndex " + at + "." + name, "listed", indexLine.get(name)));
            } else if (!indexes.get(name).equals(e.getValue())) {
                out.add(new Expected("ModifyIndex " + at + "." + name, "listed", indexLine.get(name)));
            }
        }
        for (String name : indexes.keySet()) {
            if (!base.indexes.containsKey(name)) {
                out.add(new Expected("AddIndex " + at + "." + name, "listed", indexLine.get(name)));
            }
        }
        for (String name : base.checks.keySet()) {
            if (!checks.containsKey(name)) {
                out.add(new Expected("DropCheck " + at + "." + name, "cascade", cascaded.get("check " + name)));
            }
        }
        return out;
    }

    private static boolean textToVarchar(Col was, Col now) {
        return "text".equals(was.type) && now.type.startsWith("varchar");
    }

    private static boolean mentions(String expression, String column) {
        Matcher m = IDENT.matcher(expression);
        while (m.find()) {
            if (m.group().equals(column)) {
                return true;
            }
        }
        return false;
    }

    /** The key of a change the differ reported: {@code Type location}, plus the sorted kinds of a ModifyColumn. */
    public static String key(SchemaChange change) {
        String type = change.getClass().getSimpleName();
        if (change instanceof SchemaChange.ModifyColumn mc) {
            return type + " " + mc.location() + " "
                    + mc.kinds().stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        }
        return type + " " + change.location();
    }

    /** Expected against found, by key. */
    public record Comparison(List<Expected> expected, List<String> found, List<Expected> missing, List<String> unexpected) {

        public boolean exact() {
            return missing.isEmpty() && unexpected.isEmpty() && found.size() == expected.size();
        }

        public long count(String origin) {
            return expected.stream().filter(e -> e.origin().contains(origin)).count();
        }

        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("expected %d changes (%d from changes.txt lines, of which %d with a derived part; "
                            + "%d cascaded from dropped columns; %d derived only), differ found %d: %s%n",
                    expected.size(), count("listed"), count("listed+derived"), count("cascade"),
                    expected.stream().filter(e -> e.origin().equals("derived")).count(), found.size(),
                    exact() ? "EXACT" : "MISMATCH"));
            for (Expected e : expected) {
                if (!e.origin().equals("listed")) {
                    sb.append("  ").append(e.origin()).append(": ").append(e.key()).append("  <- ").append(e.because()).append('\n');
                }
            }
            missing.forEach(e -> sb.append("  MISSING: ").append(e.key()).append("  <- ").append(e.because()).append('\n'));
            unexpected.forEach(u -> sb.append("  UNEXPECTED: ").append(u).append('\n'));
            return sb.toString();
        }
    }

    public static Comparison compare(String aSql, List<String> changeLines, List<SchemaChange> found, String schema) {
        List<Expected> expected = expected(aSql, changeLines, schema);
        List<String> foundKeys = found.stream().map(ExpectedChanges::key).toList();
        Set<String> foundSet = new LinkedHashSet<>(foundKeys);
        Set<String> expectedSet = expected.stream().map(Expected::key).collect(Collectors.toSet());
        List<Expected> missing = expected.stream().filter(e -> !foundSet.contains(e.key())).toList();
        List<String> unexpected = foundKeys.stream().filter(k -> !expectedSet.contains(k)).toList();
        return new Comparison(expected, foundKeys, missing, unexpected);
    }
}

package io.strata.migrate;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.dialect.LiveSchema;
import io.strata.dialect.Quoter;
import io.strata.dialect.SqlStatements;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.testing.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * DestructiveRollbackCorpus runs one case of the destructive rollback corpus
 * ({@code destructive-rollback/DIALECT/NN-name/before.sql, data.sql, after.sql}) through {@code apply} and
 * {@code rollback} as a user would: a fresh database at {@code before.sql} with the rows of {@code data.sql},
 * applied to {@code after.sql} (with {@code --allow-data-loss} only when the case holds a file of that name),
 * then rolled back. Up agrees when the live schema equals {@code after.sql}'s; down when it equals the schema
 * before; rows when every table holds the rows it held before (by primary key, each column by name) and every
 * identity, serial or AUTO_INCREMENT column would hand out a value above the largest one restored.
 */
final class DestructiveRollbackCorpus {

    /** How a case ended: each field null when that part agreed, else why not. */
    record Outcome(String name, String up, String down, String rows) {
        boolean agreed() {
            return up == null && down == null && rows == null;
        }
    }

    private final String dialectName;
    private final Dialect dialect;
    private final String serverUrl;

    DestructiveRollbackCorpus(String dialectName, String serverUrl) {
        this.dialectName = dialectName;
        this.dialect = Dialects.byName(dialectName);
        this.serverUrl = serverUrl;
    }

    static List<Path> cases(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("before.sql")) && Files.isRegularFile(d.resolve("after.sql")))
                    .sorted().toList();
        }
    }

    Outcome run(Path dir, String url) throws Exception {
        String name = dir.getFileName().toString();
        exec(url, Files.readString(dir.resolve("before.sql")));
        if (Files.isRegularFile(dir.resolve("data.sql"))) {
            exec(url, Files.readString(dir.resolve("data.sql")));
        }
        Catalog before = inspect(url);
        Map<String, List<Map<String, String>>> rows = rows(url, before);
        Catalog desired;
        try (SourceLoader loader = new SourceLoader(new SourceOptions(dialectName, serverUrl))) {
            desired = loader.load(dir.resolve("after.sql").toString()).catalog();
        }
        boolean allowDataLoss = Files.exists(dir.resolve("allow-data-loss"));
        ApplyResult up;
        try {
            up = new ApplyMigration().run(new ApplyMigration.Request(new NamedSchema("after.sql", desired), url, null,
                    null, "2", "destructive step", ApplySettings.defaults(), false, allowDataLoss, false, null, null));
        } catch (RuntimeException e) {
            return new Outcome(name, "apply refused: " + e.getMessage(), "not run", "not run");
        }
        if (!up.ok()) {
            return new Outcome(name, "apply failed: " + up.message(), "not run", "not run");
        }
        List<SchemaChange> left = Differ.diff(inspect(url), desired);
        String upOutcome = left.isEmpty() ? null : "apply left " + left;
        List<ApplyResult> down;
        try {
            down = new RollbackMigration().run(url, null, ApplySettings.defaults());
        } catch (RuntimeException e) {
            return new Outcome(name, upOutcome, "rollback refused: " + e.getMessage(), "not run");
        }
        if (down.isEmpty() || !down.get(down.size() - 1).ok()) {
            return new Outcome(name, upOutcome, "rollback failed: " + down.stream().map(ApplyResult::message).toList(), "not run");
        }
        Catalog back = inspect(url);
        List<SchemaChange> rest = Differ.diff(back, before);
        String downOutcome = rest.isEmpty() ? null : "rollback left " + rest;
        Map<String, List<Map<String, String>>> restored = rows(url, before);
        String rowsOutcome = !restored.equals(rows) ? "rows differ: before " + rows + ", after rollback " + restored
                : identities(url, before);
        return new Outcome(name, upOutcome, downOutcome, rowsOutcome);
    }

    private void exec(String url, String script) {
        List<String> statements = SqlStatements.split(script, dialectName.equals("mysql")).stream()
                .map(SqlStatements.Statement::text).toList();
        TestDatabases.exec(url, statements.toArray(String[]::new));
    }

    /** The live schema as {@code apply} and {@code rollback} see it: without the history and the backups. */
    private Catalog inspect(String url) throws SQLException {
        try (Connection c = TestDatabases.connect(url)) {
            return LiveSchema.withoutHistory(dialect.inspector().inspect(c, List.of()));
        }
    }

    /** Each table's rows in primary key order (all columns when it has none), each row by column name. */
    private Map<String, List<Map<String, String>>> rows(String url, Catalog catalog) throws SQLException {
        Quoter q = dialect.quoter();
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            for (Schema schema : catalog.schemas()) {
                for (Table t : schema.tables()) {
                    List<String> order = t.primaryKey() != null ? t.primaryKey().columns()
                            : t.columns().stream().map(Column::name).toList();
                    String sql = "SELECT * FROM " + q.qualified(schema.name(), t.name()) + " ORDER BY "
                            + String.join(", ", order.stream().map(q::ident).toList());
                    List<Map<String, String>> table = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            Map<String, String> row = new TreeMap<>();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                row.put(meta.getColumnName(i), rs.getString(i));
                            }
                            table.add(row);
                        }
                    }
                    out.put(schema.name() + "." + t.name(), table);
                }
            }
        }
        return out;
    }

    /**
     * Null when every identity column's (and every PostgreSQL serial column's) next value is above its largest
     * value, else the columns that are not.
     */
    private String identities(String url, Catalog catalog) throws SQLException {
        Quoter q = dialect.quoter();
        List<String> behind = new ArrayList<>();
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            for (Schema schema : catalog.schemas()) {
                for (Table t : schema.tables()) {
                    for (Column col : t.columns()) {
                        boolean serial = col.defaultExpr() != null && col.defaultExpr().startsWith("nextval(");
                        if (col.identity() == null && !serial) {
                            continue;
                        }
                        String table = q.qualified(schema.name(), t.name());
                        long max = single(s, "SELECT COALESCE(MAX(" + q.ident(col.name()) + "), 0) FROM " + table);
                        long next = nextValue(s, schema.name(), t.name(), col.name(), table);
                        if (next <= max) {
                            behind.add(schema.name() + "." + t.name() + "." + col.name() + " would hand out " + next
                                    + ", its largest value is " + max);
                        }
                    }
                }
            }
        }
        return behind.isEmpty() ? null : "identity behind the restored rows: " + behind;
    }

    private long nextValue(Statement s, String schema, String table, String column, String qualified) throws SQLException {
        if (dialectName.equals("mysql")) {
            return single(s, "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE table_schema = '"
                    + schema + "' AND table_name = '" + table + "'");
        }
        String sequence = null;
        try (ResultSet rs = s.executeQuery("SELECT pg_get_serial_sequence('" + qualified.replace("'", "''") + "', '"
                + column + "')")) {
            rs.next();
            sequence = rs.getString(1);
        }
        try (ResultSet rs = s.executeQuery("SELECT CASE WHEN s.is_called THEN s.last_value + p.increment_by "
                + "ELSE s.last_value END FROM " + sequence + " s, pg_sequences p "
                + "WHERE p.schemaname || '.' || p.sequencename = '" + sequence.replace("\"", "") + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

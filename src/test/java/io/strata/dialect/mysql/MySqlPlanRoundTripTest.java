package io.strata.dialect.mysql;

import io.strata.source.RenameHints;
import io.strata.dialect.SqlScript;
import io.strata.dialect.SqlStatements;
import io.strata.dialect.StatementLanding;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Reverse;
import io.strata.plan.Step;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySqlPlanRoundTripTest replays each pair of the plan corpus ({@code a.sql}, {@code b.sql}, optional
 * {@code rows.sql}) on fresh databases, plans A to B, applies the plan to A's database and expects B;
 * then, where the plan is reversible, applies the reverses and expects A back with the same rows. Around every
 * statement it asks the dialect's {@link StatementLanding} what a resumed run would: not landed before the
 * statement runs, landed after (every DDL statement; the SELECT and UPDATE statements are not judged and run again).
 */
class MySqlPlanRoundTripTest {

    private final MySqlDialect dialect = new MySqlDialect();
    private final MySqlQuoter q = new MySqlQuoter();
    private final List<String> databases = new ArrayList<>();
    private final StatementLanding landing = dialect.history().landing();
    /** Statements the landing judged wrongly, and how many DDL statements it judged. */
    private final List<String> misjudged = new ArrayList<>();
    private int judged;
    /** Statements a resumed run runs again without asking: its batched UPDATEs and orphan-check SELECTs. */
    private static final Pattern UNJUDGED = Pattern.compile("(?is)^\\s*(?:/\\*.*?\\*/\\s*)?(SELECT|UPDATE)\\b.*");

    @Test
    void everyPairPlansAppliesAndReverses() throws Exception {
        List<Path> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(60);
        int agreed = 0;
        int reverseAgreed = 0;
        int irreversible = 0;
        List<String> differed = new ArrayList<>();
        List<String> reverseDiffered = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String version = "?";
        try {
            for (Path pair : pairs) {
                Outcome outcome = roundTrip(pair);
                version = outcome.version == null ? version : outcome.version;
                String name = pair.getFileName().toString();
                if (outcome.skipped != null) {
                    skipped.add(name + ": " + outcome.skipped);
                    continue;
                }
                if (outcome.forward == null) {
                    agreed++;
                } else {
                    differed.add(name + ": " + outcome.forward);
                }
                if (outcome.irreversible) {
                    irreversible++;
                } else if (outcome.reverse == null) {
                    reverseAgreed++;
                } else {
                    reverseDiffered.add(name + ": " + outcome.reverse);
                }
            }
        } finally {
            TestDatabases.exec(TestDatabases.mysqlServerUrl(),
                    databases.stream().map(db -> "DROP DATABASE IF EXISTS " + q.ident(db)).toArray(String[]::new));
        }
        System.out.println("mysql plan round trip: " + agreed + " agreed, " + differed.size() + " differed, "
                + skipped.size() + " skipped (server " + version + ")");
        System.out.println("reverse: " + reverseAgreed + " agreed, " + reverseDiffered.size() + " differed, "
                + irreversible + " irreversible");
        differed.forEach(d -> System.out.println("  differed " + d));
        reverseDiffered.forEach(d -> System.out.println("  reverse differed " + d));
        skipped.forEach(s -> System.out.println("  skipped " + s));
        System.out.println("landing: " + judged + " DDL statements judged not landed before and landed after, "
                + misjudged.size() + " misjudged");
        misjudged.forEach(m -> System.out.println("  misjudged " + m));
        assertThat(differed).isEmpty();
        assertThat(reverseDiffered).isEmpty();
        assertThat(misjudged).isEmpty();
        assertThat(judged).isGreaterThan(100);
    }

    /** What happened to one pair: a skip reason, or null for agreement and otherwise what differed. */
    private static final class Outcome {
        String version;
        String skipped;
        String forward;
        String reverse;
        boolean irreversible;
    }

    private Outcome roundTrip(Path pair) throws SQLException {
        Outcome outcome = new Outcome();
        String a = read(pair.resolve("a.sql"));
        String b = read(pair.resolve("b.sql"));
        String urlA = fresh();
        String urlB = fresh();
        try (Connection dbA = TestDatabases.connect(urlA); Connection dbB = TestDatabases.connect(urlB)) {
            String version = dbA.getMetaData().getDatabaseProductVersion();
            outcome.version = version;
            String skip = skipReason(a + b, version);
            if (skip != null) {
                outcome.skipped = skip;
                return outcome;
            }
            run(dbA, a);
            if (Files.exists(pair.resolve("rows.sql"))) {
                run(dbA, read(pair.resolve("rows.sql")));
            }
            run(dbB, b);
            Catalog before = inspect(dbA);
            Catalog target = RenameHints.apply(inspect(dbB), List.of(new SqlScript("b.sql", b)));
            List<SchemaChange> changes = Differ.diff(before, target);
            String rowsBefore = rows(dbA, before);
            MigrationPlan plan = dialect.planner().plan(before, target, changes, version);
            List<Step> steps = plan.steps();
            if (steps.isEmpty()) {
                outcome.forward = "empty plan for " + changes.size() + " changes";
                return outcome;
            }
            for (Step step : steps) {
                String failed = executeJudged(dbA, step.sql());
                if (failed != null) {
                    outcome.forward = "step \"" + step.description() + "\" failed: " + failed + "\n      " + step.sql();
                    outcome.irreversible = true;
                    return outcome;
                }
            }
            List<SchemaChange> left = Differ.diff(inspect(dbA), target);
            if (!left.isEmpty()) {
                outcome.forward = "left " + left + "\n      plan: " + sqlOf(steps);
            }
            if (!plan.reversible()) {
                outcome.irreversible = true;
                return outcome;
            }
            for (int i = steps.size() - 1; i >= 0; i--) {
                for (String sql : ((Reverse.Sql) steps.get(i).reverse()).statements()) {
                    String failed = executeJudged(dbA, sql);
                    if (failed != null) {
                        outcome.reverse = "reverse of \"" + steps.get(i).description() + "\" failed: " + failed + "\n      " + sql;
                        return outcome;
                    }
                }
            }
            Catalog back = inspect(dbA);
            List<SchemaChange> leftBack = Differ.diff(back, before);
            if (!leftBack.isEmpty()) {
                outcome.reverse = "left " + leftBack;
            } else if (!rows(dbA, back).equals(rowsBefore)) {
                outcome.reverse = "rows differ after the reverse";
            }
        }
        return outcome;
    }

    /** A pair declares {@code -- requires: mariadb|mysql} or {@code -- skip: reason} when it cannot run here. */
    private static String skipReason(String text, String version) {
        boolean mariaDb = version.toLowerCase(Locale.ROOT).contains("mariadb");
        if (text.contains("-- requires: mariadb") && !mariaDb) {
            return "needs MariaDB, server is " + version;
        }
        if (text.contains("-- requires: mysql") && mariaDb) {
            return "needs MySQL, server is " + version;
        }
        int at = text.indexOf("-- skip: ");
        return at < 0 ? null : text.substring(at + 9, text.indexOf('\n', at));
    }

    /** A digest of every row of every table, columns by name, rows ordered by all columns, so equal contents give equal digests. */
    private String rows(Connection c, Catalog catalog) throws SQLException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Table table : catalog.schemas().get(0).tables()) {
                String order = IntStream.rangeClosed(1, table.columns().size()).mapToObj(Integer::toString)
                        .collect(Collectors.joining(", "));
                // Columns by name, not position: a swapped column comes back at the end of the table.
                String columns = table.columns().stream().map(io.strata.model.Column::name).sorted().map(q::ident)
                        .collect(Collectors.joining(", "));
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT " + columns + " FROM " + q.ident(table.name()) + " ORDER BY " + order)) {
                    int n = rs.getMetaData().getColumnCount();
                    digest.update(table.name().getBytes(StandardCharsets.UTF_8));
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            digest.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                            digest.update((byte) 0);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Catalog inspect(Connection c) {
        return dialect.inspector().inspect(c, List.of());
    }

    private static void run(Connection c, String script) throws SQLException {
        for (SqlStatements.Statement statement : SqlStatements.split(script, true)) {
            try (Statement s = c.createStatement()) {
                s.execute(statement.text());
            }
        }
    }

    /** Runs {@code sql}, asking whether it landed before and after; a misjudgement is recorded, not thrown. */
    private String executeJudged(Connection c, String sql) throws SQLException {
        boolean ddl = !UNJUDGED.matcher(sql).matches();
        StatementLanding.Landed before = landing.check(c, sql).landed();
        String failed = execute(c, sql);
        StatementLanding.Landed after = landing.check(c, sql).landed();
        if (before != StatementLanding.Landed.NO) {
            misjudged.add(before + " before it ran: " + sql);
        } else if (failed == null && after != (ddl ? StatementLanding.Landed.YES : StatementLanding.Landed.NO)) {
            misjudged.add(after + " after it ran: " + sql);
        } else if (failed == null) {
            judged += ddl ? 1 : 0;
        }
        return failed;
    }

    private static String execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String sqlOf(List<Step> steps) {
        return steps.stream().map(Step::sql).collect(Collectors.joining(";\n      "));
    }

    private String fresh() {
        String url = TestDatabases.freshMysql();
        String path = url.substring(url.indexOf("//") + 2);
        String db = path.substring(path.indexOf('/') + 1);
        databases.add(db.contains("?") ? db.substring(0, db.indexOf('?')) : db);
        return url;
    }

    private static List<Path> pairs() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(MySqlPlanRoundTripTest.class.getResource("/mysql-plan-corpus")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}

package io.strata.dialect.postgres;

import io.strata.source.RenameHints;
import io.strata.diff.Differ;
import io.strata.dialect.SqlScript;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.Reverse;
import io.strata.plan.Step;
import io.strata.testing.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * PgPlanRoundTrip runs one plan round trip: a database at {@code a}, a plan to {@code b}, applied and
 * inspected (must equal {@code b}, rows kept), then reversed (must equal {@code a}, rows identical).
 */
final class PgPlanRoundTrip {

    /** How one case ended: {@code forward} and {@code reverse} are null when they agreed, else the reason. */
    record Outcome(String forward, String reverse, boolean skipped, boolean irreversible, MigrationPlan plan) {
        static Outcome skip(String reason) {
            return new Outcome(reason, null, true, false, null);
        }
    }

    private final String serverVersion;

    PgPlanRoundTrip(String serverVersion) {
        this.serverVersion = serverVersion;
    }

    /** The server version of the test server, as {@code SHOW server_version} prints it. */
    static String serverVersion() {
        try (Connection c = TestDatabases.connect(TestDatabases.postgresServerUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Outcome run(String label, String aSql, String bSql, String dataSql) {
        String urlA = TestDatabases.freshPostgres();
        String urlB = TestDatabases.freshPostgres();
        try {
            try {
                PgFixtures.exec(urlA, aSql);
                if (dataSql != null) {
                    PgFixtures.exec(urlA, dataSql);
                }
                PgFixtures.exec(urlB, bSql);
            } catch (IllegalStateException e) {
                return Outcome.skip("the fixture itself does not run on this server: " + firstLine(e.getMessage()));
            }
            Catalog a = PgFixtures.inspect(urlA);
            Catalog b = PgFixtures.inspect(urlB);
            Catalog hinted = RenameHints.apply(b, List.of(new SqlScript(label + "/b.sql", bSql)));
            MigrationPlan plan;
            try {
                plan = new PostgresPlanner().plan(a, hinted, Differ.diff(a, hinted), serverVersion);
            } catch (RuntimeException e) {
                return Outcome.skip("not plannable: " + firstLine(e.getMessage()));
            }
            Map<String, String> before = checksums(urlA, a);
            String failed = applyForward(urlA, plan);
            if (failed != null) {
                return new Outcome("forward failed: " + failed, null, false, false, plan);
            }
            Catalog after = PgFixtures.inspect(urlA);
            List<SchemaChange> left = Differ.diff(after, b);
            if (!left.isEmpty()) {
                return new Outcome("forward left " + left, null, false, false, plan);
            }
            String rows = sameRowCounts(urlA, before, a, b);
            if (rows != null) {
                return new Outcome(rows, null, false, false, plan);
            }
            if (!plan.reversible()) {
                return new Outcome(null, null, false, true, plan);
            }
            failed = applyReverse(urlA, plan);
            if (failed != null) {
                return new Outcome(null, "reverse failed: " + failed, false, false, plan);
            }
            Catalog back = PgFixtures.inspect(urlA);
            List<SchemaChange> rest = Differ.diff(back, a);
            if (!rest.isEmpty()) {
                return new Outcome(null, "reverse left " + rest, false, false, plan);
            }
            Map<String, String> restored = checksums(urlA, a);
            return new Outcome(null, restored.equals(before) ? null : "rows differ after reverse: " + before + " vs " + restored,
                    false, false, plan);
        } finally {
            drop(urlA);
            drop(urlB);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s);
    }

    /** Runs each phase in order; consecutive transactional steps of a phase share one transaction. */
    static String applyForward(String url, MigrationPlan plan) {
        try (Connection c = TestDatabases.connect(url)) {
            for (Phase phase : plan.phases()) {
                List<List<Step>> groups = groups(phase.steps());
                for (List<Step> group : groups) {
                    String failed = run(c, group.get(0).transactional(),
                            group.stream().map(Step::sql).toList());
                    if (failed != null) {
                        return failed;
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Runs the reverse of every step, last step first; each reverse shares its step's transactional setting. */
    static String applyReverse(String url, MigrationPlan plan) {
        List<Step> steps = new ArrayList<>(plan.steps());
        java.util.Collections.reverse(steps);
        try (Connection c = TestDatabases.connect(url)) {
            for (Step s : steps) {
                String failed = run(c, s.transactional(), ((Reverse.Sql) s.reverse()).statements());
                if (failed != null) {
                    return "reverse of " + s.description() + ": " + failed;
                }
            }
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static List<List<Step>> groups(List<Step> steps) {
        List<List<Step>> out = new ArrayList<>();
        for (Step s : steps) {
            if (!out.isEmpty() && s.transactional() && out.get(out.size() - 1).get(0).transactional()) {
                out.get(out.size() - 1).add(s);
            } else {
                out.add(new ArrayList<>(List.of(s)));
            }
        }
        return out;
    }

    private static String run(Connection c, boolean transactional, List<String> statements) throws SQLException {
        c.setAutoCommit(!transactional);
        String current = null;
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                current = sql;
                s.execute(sql);
            }
            if (transactional) {
                c.commit();
            }
            return null;
        } catch (SQLException e) {
            if (transactional) {
                c.rollback();
            }
            return firstLine(e.getMessage()) + " in: " + current;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** A checksum of every table's rows, by {@code schema.table}, over its columns in name order. */
    static Map<String, String> checksums(String url, Catalog catalog) {
        Map<String, String> out = new LinkedHashMap<>();
        PostgresQuoter q = new PostgresQuoter();
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            for (Schema schema : catalog.schemas()) {
                for (Table t : schema.tables()) {
                    String name = q.qualified(schema.name(), t.name());
                    // Columns by name, not position: a swapped column comes back at the end of the table.
                    String row = "row(" + t.columns().stream().map(io.strata.model.Column::name).sorted().map(q::ident)
                            .collect(Collectors.joining(", ")) + ")::text";
                    try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(" + row + ", ',' ORDER BY "
                            + row + ")), '') FROM ONLY " + name + " x")) {
                        rs.next();
                        out.put(schema.name() + "." + t.name(), rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Tables present in both catalogs under one name keep their row counts forward. */
    private static String sameRowCounts(String url, Map<String, String> before, Catalog a, Catalog b) {
        Map<String, String> now = checksums(url, b);
        List<String> lost = before.entrySet().stream()
                .filter(e -> now.containsKey(e.getKey()))
                .filter(e -> !count(e.getValue()).equals(count(now.get(e.getKey()))))
                .map(e -> e.getKey() + " had " + count(e.getValue()) + " rows, now " + count(now.get(e.getKey())))
                .collect(Collectors.toList());
        return lost.isEmpty() ? null : "rows lost forward: " + lost;
    }

    private static String count(String checksum) {
        return checksum.substring(0, checksum.indexOf(':'));
    }

    private static void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try {
            TestDatabases.exec(TestDatabases.postgresServerUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            // A leftover scratch database is untidy, not wrong.
        }
    }
}

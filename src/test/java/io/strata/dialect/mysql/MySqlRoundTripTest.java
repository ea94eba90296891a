package io.strata.dialect.mysql;

import io.strata.dialect.DevDatabase;
import io.strata.dialect.SqlScript;
import io.strata.model.Catalog;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySqlRoundTripTest replays every corpus script on a scratch database, renders the inspected
 * catalog, applies that DDL to a fresh database and expects the same catalog back.
 */
class MySqlRoundTripTest {

    private final MySqlDialect dialect = new MySqlDialect();
    private String serverVersion = "?";
    private final List<String> toDrop = new ArrayList<>();

    @Test
    void everyCorpusScriptSurvivesRenderAndReinspection() throws SQLException {
        List<SqlScript> scripts = MySqlCorpus.scripts();
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(25);
        List<String> differed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int agreed = 0;
        try (DevDatabase dev = dialect.devDatabase(TestDatabases.mysqlServerUrl())) {
            for (SqlScript script : scripts) {
                String outcome = roundTrip(dev, script, skipped);
                if (outcome == null) {
                    agreed++;
                } else if (!outcome.isEmpty()) {
                    differed.add(script.name() + ": " + outcome);
                }
            }
        }
        System.out.println("mysql round trip: " + agreed + " agreed, " + differed.size() + " differed, "
                + skipped.size() + " skipped (server " + serverVersion + ")");
        differed.forEach(d -> System.out.println("  differed " + d));
        skipped.forEach(s -> System.out.println("  skipped " + s));
        TestDatabases.exec(TestDatabases.mysqlServerUrl(),
                toDrop.stream().map(db -> "DROP DATABASE IF EXISTS " + new MySqlQuoter().ident(db)).toArray(String[]::new));
        assertThat(differed).isEmpty();
    }

    /** Null when the script round-trips, "" when skipped, else what differed. */
    private String roundTrip(DevDatabase dev, SqlScript script, List<String> skipped) throws SQLException {
        Catalog replayed;
        try {
            replayed = dev.replay(List.of(script));
        } catch (RuntimeException e) {
            return "replay failed: " + e.getMessage();
        }
        serverVersion = replayed.serverVersion();
        String reason = MySqlCorpus.skipReason(script, replayed.serverVersion());
        if (reason != null) {
            skipped.add(script.name() + ": " + reason);
            return "";
        }
        List<String> ddl = dialect.renderer().createStatements(replayed);
        String url = TestDatabases.freshMysql();
        Catalog rebuilt;
        try (Connection c = TestDatabases.connect(url)) {
            // Dropped when done so runs against a shared server leave nothing behind.
            toDrop.add(c.getCatalog());
            for (String sql : ddl) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                } catch (SQLException e) {
                    return "rendered DDL failed: " + e.getMessage() + "\n    " + sql;
                }
            }
            rebuilt = dialect.inspector().inspect(c, List.of());
        }
        Schema expected = MySqlCorpus.anonymous(replayed);
        Schema actual = MySqlCorpus.anonymous(rebuilt);
        return expected.equals(actual) ? null : describe(expected, actual) + "\n    DDL:\n" + String.join(";\n", ddl);
    }

    /** The first differing objects, so a failure points at a table or view rather than two pages of records. */
    private static String describe(Schema expected, Schema actual) {
        List<String> out = new ArrayList<>();
        for (Table t : expected.tables()) {
            Table other = actual.table(t.name()).orElse(null);
            if (!t.equals(other)) {
                out.add("table " + t.name() + "\n    expected " + t + "\n    actual   " + other);
            }
        }
        for (View v : expected.views()) {
            View other = actual.view(v.name()).orElse(null);
            if (!v.equals(other)) {
                out.add("view " + v.name() + "\n    expected " + v + "\n    actual   " + other);
            }
        }
        if (expected.tables().size() != actual.tables().size() || expected.views().size() != actual.views().size()) {
            out.add("object counts differ: " + expected.tables().size() + "/" + expected.views().size() + " vs "
                    + actual.tables().size() + "/" + actual.views().size());
        }
        if (!Objects.equals(expected.charset(), actual.charset()) || !Objects.equals(expected.collation(), actual.collation())
                || !Objects.equals(expected.comment(), actual.comment())) {
            out.add("database defaults " + expected.charset() + "/" + expected.collation() + " vs "
                    + actual.charset() + "/" + actual.collation());
        }
        return String.join("\n  ", out);
    }
}

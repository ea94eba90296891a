package io.strata.cli;

import io.strata.app.ShowStatus;
import io.strata.migrate.Backup;
import io.strata.migrate.BackupPlanner;
import io.strata.migrate.HistoryRow;
import io.strata.migrate.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata status}: the migrations recorded in a database's strata_history, unfinished ones marked, and its backups. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the migrations recorded in the database at --url. Exit 0 unless the input is bad.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL")
    String url;

    @Option(names = "--history-schema", paramLabel = "SCHEMA")
    String historySchema;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        ShowStatus.Status status = new ShowStatus().run(url, historySchema);
        List<HistoryRow> rows = status.history();
        var out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(Map.of("history", rows.stream().map(StatusCommand::json).toList(),
                    "backups", status.backups().stream().map(StatusCommand::json).toList())));
        } else if (rows.isEmpty()) {
            out.println("no migrations recorded");
        } else {
            // Start times to the second (the JSON form keeps the server's precision), so the columns line up.
            out.printf("%-4s %-16s %-10s %-9s %-16s %-9s %-20s %s%n", "rank", "version", "kind", "phase", "state", "stmts",
                    "started", "description");
            for (HistoryRow r : rows) {
                out.printf("%-4d %-16s %-10s %-9s %-16s %-9s %-20s %s%n", r.rank(), r.version(), r.kind(),
                        r.phase() == null ? "-" : r.phase(), r.state(), r.statementsApplied() + "/" + r.statementsTotal(),
                        r.startedAt() == null ? "-" : r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        r.description());
                if (Migration.DATA_CHECKS_SKIPPED.equals(r.dataChecks())) {
                    out.println("     applied with --skip-data-checks");
                }
                if (r.error() != null) {
                    out.println("     " + r.error().replace("\n", "\n     "));
                }
            }
            if (!status.backups().isEmpty()) {
                out.println();
                out.printf("%-16s %-24s %s%n", "backup of", "made", BackupPlanner.SCHEMA + " table");
                status.backups().forEach(b -> out.printf("%-16s %-24s %s%n", b.version(), b.createdAt(), b.table()));
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(Backup b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", b.version());
        m.put("rank", b.rank());
        m.put("createdAt", String.valueOf(b.createdAt()));
        m.put("schema", BackupPlanner.SCHEMA);
        m.put("table", b.table());
        return m;
    }

    private static Map<String, Object> json(HistoryRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", r.rank());
        m.put("version", r.version());
        m.put("description", r.description());
        m.put("kind", r.kind());
        m.put("phase", r.phase());
        m.put("state", r.state());
        m.put("checksum", r.checksum());
        m.put("checksumAlgorithm", r.checksumAlgorithm());
        m.put("statementsApplied", r.statementsApplied());
        m.put("statementsTotal", r.statementsTotal());
        m.put("startedAt", String.valueOf(r.startedAt()));
        m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        m.put("appliedBy", r.appliedBy());
        m.put("success", r.success());
        m.put("error", r.error());
        m.put("rolledBack", r.rolledBack());
        m.put("dataChecks", r.dataChecks());
        return m;
    }
}

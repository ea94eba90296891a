package io.strata.cli;

import io.strata.app.ApplySchema;
import io.strata.source.SourceLoader;
import io.strata.plan.PhaseKind;
import io.strata.migrate.ApplyProgress;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata apply}: plans the way from a live database to a desired schema and runs it under the migration lock. */
@Command(name = "apply", 
        description = {"Bring the database at --url to the schema TO: inspect it, plan, run every statement with a short",
                "lock timeout and retries, and record it in strata_history. A run whose statement fails takes back what",
                "it applied (unless --no-revert); an interrupted run is resumed.",
                "On a terminal, a plan that destroys data or blocks writers is shown and asked about first (--auto-approve).",
                "Exit 0 applied or nothing to do, 1 failed, refused by a data check or at the prompt, drifted or locked, 2 bad input."})
final class ApplyCommand implements Callable<Integer> {

    /** The options of every command that changes a target database. */
    static final class TargetOptions {

        // Not required by picocli: "migrate hash" shares the parent's options and needs no database.
        @Option(names = "--url", paramLabel = "JDBC_URL", description = "The target database (required).")
        String url;

        String url() {
            if (url == null || url.isBlank()) {
                throw io.strata.error.StrataException.badInput("missing required option --url=JDBC_URL");
            }
            return url;
        }

        @Option(names = "--lock-timeout", defaultValue = "2s", paramLabel = "DURATION",
                description = "How long one statement waits for a table lock before it gives way; default ${DEFAULT-VALUE}.")
        String lockTimeout;

        @Option(names = "--wait", defaultValue = "30s", paramLabel = "DURATION",
                description = "How long to wait for another migrator's lock; default ${DEFAULT-VALUE}.")
        String wait;

        @Option(names = "--retries", defaultValue = "3",
                description = "Retries of a statement that gave way on a lock; default ${DEFAULT-VALUE}.")
        int retries;

        @Option(names = "--backoff", defaultValue = "500ms", paramLabel = "DURATION",
                description = "Pause before the first retry, doubling after; default ${DEFAULT-VALUE}.")
        String backoff;

        @Option(names = "--history-schema", paramLabel = "SCHEMA",
                description = "Where strata_history lives (default: public, or the MySQL URL's database).")
        String historySchema;

        @Mixin
        OutputFormatMixin output;

        @Option(names = "--batch-size", defaultValue = "1000",
                description = "Rows per batch of a MIGRATE backfill, each its own transaction; default ${DEFAULT-VALUE}.")
        int batchSize;

        @Option(names = "--batch-pause", defaultValue = "10ms", paramLabel = "DURATION",
                description = "Pause between two backfill batches, room for the application's writes; default ${DEFAULT-VALUE}.")
        String batchPause;

        ApplySettings settings() {
            return new ApplySettings(ApplySettings.parseDuration(lockTimeout), ApplySettings.parseDuration(wait),
                    retries, ApplySettings.parseDuration(backoff), historySchema, batchSize,
                    ApplySettings.parseDuration(batchPause));
        }
    }

    @Spec
    CommandSpec spec;

    /** Only help: {@code --version} names the migration version here, not Strata's. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    SourceOptionsMixin sources;

    @Mixin
    TargetOptions target;

    @Parameters(index = "0", paramLabel = "TO", description = "The desired schema (.sql file or directory, model file, JDBC URL).")
    String to;

    @Option(names = "--expect", paramLabel = "SOURCE",
            description = "The schema the target should be at now; when it is not, the drift is listed and nothing runs.")
    String expect;

    @Option(names = "--version", paramLabel = "V", description = "Version to record (default: a UTC timestamp).")
    String version;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description to record.")
    String description;

    @Option(names = "--dry-run", description = {"Run the whole plan and leave nothing behind: on PostgreSQL in a transaction",
            "that is rolled back when every statement allows it, else on a scratch copy of the schema (--dev-url, or a",
            "new database on the target's server)."})
    boolean dryRun;

    @Option(names = "--allow-data-loss", description = {"Run a step that destroys data of a table without a primary key,",
            "which cannot be backed up by key; that step cannot be rolled back."})
    boolean allowDataLoss;

    @Option(names = "--skip-data-checks", description = {"Run the plan without the pre-flight data checks, which refuse it",
            "when a step would fail on the target's rows (NULLs, duplicates, orphans, values that do not fit);",
            "recorded in strata_history."})
    boolean skipDataChecks;

    @Option(names = "--no-revert", description = {"When a statement fails, keep what the run applied for inspection instead of",
            "taking it back; strata rollback takes it back later."})
    boolean noRevert;

    @Option(names = "--phase", paramLabel = "EXPAND|MIGRATE|CONTRACT",
            description = {"Apply only this phase of the plan and record it on its own; deploy what the plan names",
                    "between phases (see strata plan), then apply the next. Default: the whole plan."})
    PhaseKind phase;

    @Option(names = "--auto-approve", description = {"Do not ask before running a plan that destroys data or blocks writers;",
            "asked only on a terminal, never in CI."})
    boolean autoApprove;

    @Override
    public Integer call() {
        // Progress is for people reading text; JSON output carries the estimates in its result instead.
        ProgressPrinter progress = target.output.json() ? null
                : new ProgressPrinter(spec.commandLine().getOut(), StrataCli.terminal(spec).interactive());
        try (SourceLoader loader = sources.loader(spec, null)) {
            ApplyResult result;
            try {
                result = new ApplySchema(loader, progress == null ? ApplyProgress.NONE : progress)
                        .run(new ApplySchema.Request(to, target.url(), expect, version, description,
                                target.settings().withRevertOnFailure(!noRevert), dryRun, allowDataLoss, skipDataChecks,
                                sources.devUrl, phase), PromptApproval.of(spec, autoApprove));
            } finally {
                // An error message, like the result, starts on a line of its own.
                if (progress != null) {
                    progress.endLine();
                }
            }
            return print(List.of(withNextStep(result)), target.output.format, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    /** {@code result} with the command that applies the plan's next phase, when one phase of it was applied. */
    private ApplyResult withNextStep(ApplyResult result) {
        if (result.nextPhase() == null) {
            return result;
        }
        return new ApplyResult(result.outcome(), result.version(), result.statementsApplied(), result.statementsTotal(),
                result.message() + "\n  next: strata apply " + to + " --url <target> --phase " + result.nextPhase(),
                result.drift(), result.nextPhase());
    }

    /** Prints results as text or JSON; the exit code is 0 when all are ok, else 1. */
    static int print(List<ApplyResult> results, OutputFormat format, PrintWriter out, PrintWriter err) {
        boolean ok = results.stream().allMatch(ApplyResult::ok);
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", ok);
            json.put("results", results.stream().map(ApplyCommand::json).toList());
            out.println(Json.write(json));
        } else {
            for (ApplyResult r : results) {
                (r.ok() ? out : err).println((r.ok() ? "" : "strata: ") + r.message());
                r.drift().forEach(d -> err.println("  drift: " + d));
            }
        }
        out.flush();
        err.flush();
        return ok ? 0 : 1;
    }

    private static Map<String, Object> json(ApplyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", r.outcome().name());
        m.put("version", r.version());
        m.put("statementsApplied", r.statementsApplied());
        m.put("statementsTotal", r.statementsTotal());
        m.put("message", r.message());
        m.put("drift", r.drift());
        return m;
    }
}

package io.strata.cli;

import io.strata.app.LintMigration;
import io.strata.source.SourceLoader;
import io.strata.error.StrataException;
import io.strata.plan.lint.Diagnostic;
import io.strata.plan.lint.LintReport;
import io.strata.plan.lint.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code strata lint}: the hazards of the migration from one schema to another, each under a stable code. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Plan the migration from FROM to TO (or read a migration file) and report its hazards: data loss, "
                + "broken clients, failures on existing rows, long locks, statements outside a transaction.",
                "Severities come from strata.yaml (lint.severity); '-- strata:nolint CODE' in TO's SQL suppresses a code.",
                "Exit 0 when no error remains, 1 when one does, 2 on bad input."})
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptionsMixin sources;

    @Parameters(arity = "1..2", paramLabel = "SOURCE", description = {
            "FROM TO: the migration Strata plans from one schema to the other;",
            "MIGRATION.sql: a hand-written migration file, run on --base (default: the files of its directory with",
            "lower versions, or an empty database)."})
    List<String> args;

    @Option(names = "--base", paramLabel = "SOURCE",
            description = "The schema a migration file runs on (a .sql file or directory, model file or JDBC URL).")
    String base;

    @Option(names = "--server-version", paramLabel = "VERSION",
            description = "Choose safe recipes for this server version (default: the version FROM was inspected on).")
    String serverVersion;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Lint configuration (default: strata.yaml in the working directory, if present).")
    Path config;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        try (SourceLoader loader = sources.loader(spec, serverVersion)) {
            LintMigration lint = new LintMigration(loader);
            if (args.size() == 2 && base != null) {
                throw StrataException.badInput("--base goes with a migration file; FROM is the base of FROM TO");
            }
            LintMigration.Result result = args.size() == 2 ? lint.run(args.get(0), args.get(1), serverVersion, config)
                    : lint.runFile(args.get(0), base, serverVersion, config);
            LintReport report = result.report();
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(Json.write(toJson(result)));
            } else {
                printText(result, out);
            }
            out.flush();
            return report.failed() ? 1 : 0;
        }
    }

    private static Map<String, Object> toJson(LintMigration.Result result) {
        LintReport report = result.report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("diagnostics", report.diagnostics().stream().map(d -> toJson(d, result.lineOf(d))).toList());
        json.put("errors", report.count(Severity.ERROR));
        json.put("warnings", report.count(Severity.WARNING));
        json.put("notices", report.count(Severity.NOTICE));
        return json;
    }

    private static Map<String, Object> toJson(Diagnostic d, OptionalInt line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", d.code());
        json.put("severity", d.severity().label());
        json.put("location", d.location());
        json.put("message", d.message());
        json.put("sql", d.step() == null ? null : d.step().sql());
        json.put("line", line.isPresent() ? line.getAsInt() : null);
        return json;
    }

    private static void printText(LintMigration.Result result, PrintWriter out) {
        LintReport report = result.report();
        Ansi ansi = Ansi.forTerminal();
        for (Diagnostic d : report.diagnostics()) {
            OptionalInt line = result.lineOf(d);
            String severity = String.format("%-7s", d.severity().label());
            String colored = switch (d.severity()) {
                case ERROR -> ansi.red(severity);
                case WARNING -> ansi.yellow(severity);
                default -> severity;
            };
            out.println(colored + " " + ansi.bold(d.code()) + "  " + d.location() + "  "
                    + (line.isPresent() ? "line " + line.getAsInt() + ": " : "") + d.message());
        }
        out.println(report.count(Severity.ERROR) + " errors, " + report.count(Severity.WARNING) + " warnings, "
                + report.count(Severity.NOTICE) + " notices");
    }
}

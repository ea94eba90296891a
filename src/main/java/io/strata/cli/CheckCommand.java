package io.strata.cli;

import io.strata.app.CheckCompatibility;
import io.strata.compat.CompatibilityJson;
import io.strata.source.SourceLoader;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.VersionComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code strata check}: says whether the newest of several schema versions keeps the clients of the earlier ones working. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the last VERSION against the earlier ones at a compatibility level.",
                "Exit 0 when compatible, 1 when not, 2 on bad input."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptionsMixin sources;

    @Parameters(arity = "2..*", paramLabel = "VERSION", description = "Schema versions, oldest first (JDBC URL, .sql, directory, .json/.yaml).")
    List<String> versions;

    @Option(names = "--level", defaultValue = "BACKWARD",
            description = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE; default ${DEFAULT-VALUE}")
    String level;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        CompatibilityLevel parsedLevel = CompatibilityLevel.parse(level);
        try (SourceLoader loader = sources.loader(spec, null)) {
            CompatibilityResult result = new CheckCompatibility(loader).run(versions, parsedLevel);
            var out = spec.commandLine().getOut();
            if (output.json()) {
                out.println(Json.write(CompatibilityJson.of(result)));
            } else {
                printText(result, out);
            }
            out.flush();
            return result.compatible() ? 0 : 1;
        }
    }

    private void printText(CompatibilityResult result, java.io.PrintWriter out) {
        Ansi ansi = Ansi.forTerminal();
        FindingsText text = new FindingsText(ansi);
        for (VersionComparison c : result.comparisons()) {
            out.println(ansi.bold(c.from() + " -> " + c.to()));
            text.print(c.findings(), out);
        }
        String verdict = result.compatible() ? ansi.green("compatible") : ansi.red("incompatible");
        out.println(result.level().name() + ": " + verdict);
    }
}

package io.strata.cli;

import io.strata.app.PlanMigration;
import io.strata.source.SourceLoader;
import io.strata.plan.MigrationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code strata plan}: the phased migration from one schema to another, each step with its reverse and lock impact. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Write the migration from FROM to TO: ordered, phased steps with their reverse and lock impact.",
                "Exit 0 unless the input is bad."})
final class PlanCommand implements Callable<Integer> {

    /** What plan prints. */
    enum Format { text, sql, json }

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptionsMixin sources;

    @Mixin
    MigrationPairMixin pair;

    @Option(names = "--format", defaultValue = "text", description = "text, sql or json; default ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() {
        try (SourceLoader loader = sources.loader(spec, pair.serverVersion)) {
            PlanMigration.Result result = new PlanMigration(loader).run(pair.from, pair.to, pair.serverVersion);
            MigrationPlan plan = result.plan();
            var out = spec.commandLine().getOut();
            switch (format) {
                case json -> out.println(Json.write(PlanJson.of(result)));
                case sql -> PlanText.printSql(plan, out);
                default -> new PlanText(Ansi.forTerminal()).print(result, out);
            }
            out.flush();
            return 0;
        }
    }
}

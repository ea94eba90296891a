package io.strata.cli;

import io.strata.compat.CompatibilityJson;
import io.strata.app.DiffSchemas;
import io.strata.source.SourceLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata diff}: lists the changes from one schema to another, each classified by the roles it breaks. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "List the changes from FROM to TO, with the client roles each change breaks. Exit 0 unless the input is bad.")
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptionsMixin sources;

    @Parameters(index = "0", paramLabel = "FROM")
    String from;

    @Parameters(index = "1", paramLabel = "TO")
    String to;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        try (SourceLoader loader = sources.loader(spec, null)) {
            DiffSchemas.Result result = new DiffSchemas(loader).run(from, to);
            var out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("from", result.from().label());
                json.put("to", result.to().label());
                json.put("changes", CompatibilityJson.findings(result.findings()));
                out.println(Json.write(json));
            } else {
                new FindingsText(Ansi.forTerminal()).print(result.findings(), out);
            }
            out.flush();
            return 0;
        }
    }
}

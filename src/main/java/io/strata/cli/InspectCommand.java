package io.strata.cli;

import io.strata.app.InspectSchema;
import io.strata.source.ModelFiles;
import io.strata.source.RecordSources;
import io.strata.source.SourceLoader;
import io.strata.model.RecordSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code strata inspect}: prints a source's schema model as JSON, or the CREATE statements that rebuild it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print the schema of a source (JDBC URL, .sql file or directory, .json/.yaml model),",
                "or the canonical form and fingerprint of a record schema (.avsc, .json JSON Schema, .proto)."})
final class InspectCommand implements Callable<Integer> {

    /** What inspect prints. */
    enum Format { json, sql }

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptionsMixin sources;

    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Option(names = "--format", defaultValue = "json", description = "json (the model) or sql (CREATE statements); default ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() {
        try (SourceLoader loader = sources.loader(spec, null)) {
            InspectSchema inspect = new InspectSchema(loader);
            var out = spec.commandLine().getOut();
            if (RecordSources.formatOf(source).isPresent()) {
                // A message schema: its canonical form and fingerprint, which identify the version.
                RecordSchema envelope = RecordSources.envelope(source);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("format", envelope.format().name());
                json.put("fingerprint", envelope.fingerprint());
                json.put("canonical", envelope.canonical());
                out.println(Json.write(json));
            } else if (format == Format.sql) {
                InspectSchema.Ddl ddl = inspect.ddl(source);
                ddl.statements().forEach(statement -> out.println(PlanText.terminated(ddl.dialect(), statement) + "\n"));
            } else {
                out.println(ModelFiles.toJson(inspect.model(source).catalog()));
            }
            out.flush();
            return 0;
        }
    }
}

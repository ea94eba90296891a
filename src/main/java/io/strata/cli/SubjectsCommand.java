package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** SubjectsCommand is {@code strata subjects}: the subjects of a running registry, one line each. */
@Command(name = "subjects", mixinStandardHelpOptions = true,
        description = "List the subjects of a running strata serve: format, compatibility level, live versions, latest semantic version.")
final class SubjectsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptionsMixin server;

    @Option(names = "--deleted", description = "Include soft-deleted subjects.")
    boolean deleted;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        JsonNode answer = server.client().getOk("/api/v1/schemas" + (deleted ? "?deleted=true" : ""));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(answer));
        } else if (answer.path("schemas").isEmpty()) {
            out.println("no subjects");
        } else {
            TextTable table = deleted ? new TextTable("subject", "format", "level", "versions", "latest", "deleted")
                    : new TextTable("subject", "format", "level", "versions", "latest");
            for (JsonNode s : answer.path("schemas")) {
                String fmt = s.path("format").asText();
                if (s.hasNonNull("dialect")) {
                    fmt += "/" + s.path("dialect").asText();
                }
                String latest = s.path("latest").isObject() ? s.path("latest").path("semver").asText() : null;
                String[] cells = {s.path("subject").asText(), fmt, s.path("compatibility").asText(),
                        s.path("versions").asText(), latest};
                if (deleted) {
                    table.row(cells[0], cells[1], cells[2], cells[3], cells[4], s.path("deleted").asBoolean() ? "yes" : "no");
                } else {
                    table.row(cells);
                }
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }
}

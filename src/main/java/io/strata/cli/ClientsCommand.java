package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** ClientsCommand is {@code strata clients --env NAME}: the application instances live in an environment and their versions. */
@Command(name = "clients", mixinStandardHelpOptions = true,
        description = "List the application instances live in an environment and the version of each subject they read and write.")
final class ClientsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptionsMixin server;

    @Option(names = "--env", required = true, description = "The environment.")
    String environment;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        JsonNode answer = server.client().getOk("/api/v1/environments/" + RegistryClient.segment(environment) + "/clients");
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(answer));
        } else if (answer.path("clients").isEmpty()) {
            out.println("no live clients in " + environment);
        } else {
            TextTable table = new TextTable("subject", "service", "instance", "reads", "writes", "last seen");
            for (JsonNode c : answer.path("clients")) {
                table.row(c.path("subject").asText(), c.path("service").asText(), c.path("instance").asText(),
                        c.path("reads").asText(), c.path("writes").asText(), c.path("lastSeen").asText());
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }
}

package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** VersionsCommand is {@code strata versions}: the versions of one subject in a running registry, oldest first. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List the versions of SUBJECT on a running strata serve: number, id, semantic version, author, date, fingerprint.")
final class VersionsCommand implements Callable<Integer> {

    /** Enough of the SHA-256 fingerprint to tell versions apart by eye, as git shortens commit ids. */
    private static final int FINGERPRINT_PREFIX = 12;

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptionsMixin server;

    @Parameters(index = "0", paramLabel = "SUBJECT")
    String subject;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "A branch of the subject (default: main).")
    String branch;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        String path = "/api/v1/schemas/" + RegistryClient.segment(subject) + "/versions"
                + (branch == null ? "" : "?branch=" + RegistryClient.query(branch));
        JsonNode answer = server.client().getOk(path);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(answer));
        } else if (answer.path("versions").isEmpty()) {
            out.println("no versions");
        } else {
            TextTable table = new TextTable("version", "id", "semver", "author", "created", "fingerprint");
            for (JsonNode v : answer.path("versions")) {
                String fingerprint = v.path("fingerprint").asText();
                table.row(v.path("version").asText(), v.path("id").asText(), v.path("semver").asText(),
                        v.path("author").asText(), v.path("createdAt").asText(),
                        fingerprint.substring(0, Math.min(FINGERPRINT_PREFIX, fingerprint.length())));
            }
            table.print(out);
        }
        out.flush();
        return 0;
    }
}

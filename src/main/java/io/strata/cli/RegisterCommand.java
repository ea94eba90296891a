package io.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.source.RecordSources;
import io.strata.error.StrataException;
import io.strata.model.SubjectFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * RegisterCommand is {@code strata register}: it sends a schema file to a running registry as the next
 * version of a subject. The server checks it at the subject's level and refuses it when it breaks a
 * client; the command then lists the breaking changes and exits 1, as {@code strata check} does.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register FILE as the next version of SUBJECT on a running strata serve.",
                "Exit 0 when registered or already there, 1 when refused as incompatible (its breaking changes listed),",
                "2 on bad input, a refused request or an unreachable server, 3 when the server fails."})
final class RegisterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptionsMixin server;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject, e.g. orders-value or billing.orders.")
    String subject;

    @Parameters(index = "1", paramLabel = "FILE", description = "The schema: .avsc, .proto, .json (JSON Schema) or .sql.")
    Path file;

    @Option(names = "--schema-type", paramLabel = "avro|json|protobuf|sql",
            description = "The schema's format (default: from the file's extension).")
    SubjectFormat schemaType;

    @Option(names = "--dialect", paramLabel = "postgres|mysql", description = "SQL subjects only (the server's default: postgres).")
    String dialect;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "Register on this branch of the subject (default: main).")
    String branch;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Why this version exists, kept with it.")
    String message;

    @Mixin
    OutputFormatMixin output;

    @Override
    public Integer call() {
        String schema = read(file);
        SubjectFormat subjectFormat = schemaType != null ? schemaType : formatOf(file);
        RegistryClient client = server.client();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("format", subjectFormat.name());
        body.put("dialect", dialect);
        body.put("schema", schema);
        body.put("branch", branch);
        body.put("message", message);
        RegistryClient.Response response = client.post("/api/v1/schemas", body);
        PrintWriter out = spec.commandLine().getOut();
        if (response.ok()) {
            printRegistered(response.body(), out);
            out.flush();
            return 0;
        }
        if (response.status() == 409 && "INCOMPATIBLE".equals(response.errorCode())) {
            printIncompatible(response, out);
            out.flush();
            return 1;
        }
        throw client.failure(response);
    }

    private void printRegistered(JsonNode version, PrintWriter out) {
        if (output.json()) {
            out.println(Json.write(version));
            return;
        }
        String numbers = " (id " + version.path("id").asText() + ", semver " + version.path("semver").asText() + ")";
        if (version.path("created").asBoolean()) {
            out.println("registered " + subject + " version " + version.path("version").asText() + numbers);
        } else {
            out.println("already registered as version " + version.path("version").asText() + numbers);
        }
    }

    /** The refusal: the server's message, then each breaking change (the shape of {@code strata check --format json}). */
    private void printIncompatible(RegistryClient.Response response, PrintWriter out) {
        JsonNode details = response.body().path("error").path("details");
        if (output.json()) {
            out.println(Json.write(details));
            return;
        }
        Ansi ansi = Ansi.forTerminal();
        out.println(ansi.red("incompatible") + ": " + response.errorMessage());
        for (JsonNode change : details.path("changes")) {
            if (change.path("breaks").isEmpty()) {
                continue;
            }
            StringBuilder roles = new StringBuilder();
            change.path("breaks").forEach(r -> roles.append(roles.length() == 0 ? "" : ",").append(r.asText()));
            out.printf("  %s  %s  %s%s  %s%n", change.path("code").asText(), change.path("location").asText(),
                    ansi.red("breaks: "), roles, change.path("message").asText());
            String recipe = change.path("recipe").asText("");
            if (!recipe.isBlank()) {
                out.println("      recipe: " + recipe);
            }
        }
    }

    /** The format the file's extension names, as {@code strata check} reads it; SQL is ours to add. */
    static SubjectFormat formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            return SubjectFormat.SQL;
        }
        return RecordSources.formatOf(file.toString()).map(r -> SubjectFormat.valueOf(r.name()))
                .orElseThrow(() -> StrataException.badInput("cannot tell the format of \"" + file
                        + "\" from its name (.avsc, .proto, .json JSON Schema, .sql): give --schema-type"));
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw StrataException.badInput("file \"" + file + "\" does not exist");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw StrataException.badInput("cannot read \"" + file + "\": " + e.getMessage());
        }
    }
}

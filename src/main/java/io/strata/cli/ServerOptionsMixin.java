package io.strata.cli;

import picocli.CommandLine.Option;

/**
 * ServerOptionsMixin is the {@code --server} option of the commands that talk to a running
 * {@code strata serve}, so that a CI job needs only the jar and the server's URL.
 */
final class ServerOptionsMixin {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:STRATA_SERVER}",
            description = "Base URL of a running strata serve, e.g. http://localhost:8080 (default: $STRATA_SERVER).")
    String server;

    RegistryClient client(String actor) {
        return new RegistryClient(server, actor);
    }

    RegistryClient client() {
        return client(null);
    }
}

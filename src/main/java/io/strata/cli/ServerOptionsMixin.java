package io.strata.cli;

import picocli.CommandLine.Option;

/**
 * ServerOptionsMixin is the {@code --server} and {@code --token} options of the commands that talk to a running
 * {@code strata serve}, so that a CI job needs only the jar, the server's URL and a key.
 */
final class ServerOptionsMixin {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:STRATA_SERVER}",
            description = "Base URL of a running strata serve, e.g. http://localhost:8080 (default: $STRATA_SERVER).")
    String server;

    @Option(names = "--token", paramLabel = "KEY", defaultValue = "${env:STRATA_TOKEN}",
            description = "API key (ID.SECRET, from strata keys create) or OIDC token to authenticate with (default: $STRATA_TOKEN).")
    String token;

    RegistryClient client() {
        return new RegistryClient(server, token);
    }
}

package io.strata.cli;

import io.strata.testing.TestKeys;
import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.app.Registry;

import java.nio.file.Path;
import java.util.Map;

/** InProcessServer is a registry on a fresh embedded store under a test's directory, served on a free port. */
final class InProcessServer implements AutoCloseable {

    private final Registry registry;
    private final ApiServer server;

    InProcessServer(Path dir) {
        this(dir, Map.of());
    }

    /** @param devUrls the scratch server configured per SQL dialect, as {@code strata serve} passes them */
    InProcessServer(Path dir, Map<String, String> devUrls) {
        registry = Registry.open(null, dir.resolve("store"), devUrls);
        server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
    }

    /** What {@code --server} takes. */
    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    Registry registry() {
        return registry;
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }
}

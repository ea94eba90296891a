package io.strata.api;

import io.strata.app.Registry;
import io.strata.security.Role;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** OpsRoutes are what operators and tools poll: {@code /health}, {@code /metrics} and the OpenAPI document. */
final class OpsRoutes {

    static final String OPENAPI = "/api/v1/openapi.json";

    private final Registry registry;
    private final ApiMetrics metrics;
    private final String openApi;

    OpsRoutes(Registry registry, ApiMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.openApi = resource("openapi.json");
    }

    void register(RouteTable routes) {
        routes.open("/health", ctx -> {
            boolean up = registry.storeHealthy();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", up ? "UP" : "DOWN");
            json.put("store", registry.storeKind());
            Responses.json(ctx, up ? 200 : 503, json);
        });
        routes.get("/metrics", Role.VIEWER, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get(OPENAPI, Role.VIEWER, ctx -> ctx.contentType("application/json").result(openApi));
    }

    static String resource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}

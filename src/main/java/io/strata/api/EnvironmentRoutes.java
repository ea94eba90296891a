package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.strata.app.Registry;
import io.strata.rollout.RolloutException;
import io.strata.rollout.EnvironmentHealth;
import io.strata.rollout.EnvironmentRequest;
import io.strata.rollout.Environment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EnvironmentRoutes are {@code /api/v1/environments}: add, list, show, remove and look at the target
 * databases versions are rolled out to. Answers show an environment's credentials reference, never a secret.
 */
final class EnvironmentRoutes {

    private static final String PATH = V1Routes.PREFIX + "/environments";

    private final Registry registry;

    EnvironmentRoutes(Registry registry) {
        this.registry = registry;
    }

    void register(RouteTable routes) {
        routes.get(PATH, ctx -> Responses.json(ctx, 200, Map.of("environments",
                registry.environments().list().stream().map(EnvironmentRoutes::json).toList())));
        routes.post(PATH, this::add);
        routes.get(PATH + "/{id}", ctx -> Responses.json(ctx, 200, json(registry.environments().get(ctx.pathParam("id")))));
        routes.delete(PATH + "/{id}", ctx -> {
            registry.environments().remove(ctx.pathParam("id"), Requests.actor(ctx));
            Responses.json(ctx, 200, Map.of("removed", ctx.pathParam("id")));
        });
        routes.get(PATH + "/{id}/health", ctx -> Responses.json(ctx, 200, health(registry.environments().health(ctx.pathParam("id")))));
        routes.post(PATH + "/{id}/clients", this::report);
        routes.post(PATH + "/{id}/sync", ctx -> Responses.json(ctx, 200, drift(registry.drift().check(ctx.pathParam("id")))));
        routes.post(PATH + "/{id}/repair", ctx -> Responses.json(ctx, 201, RolloutRoutes.json(registry.rollouts()
                .repair(ctx.pathParam("id"), Requests.actor(ctx)))));
        routes.get(PATH + "/{id}/drift", ctx -> Responses.json(ctx, 200, drift(registry.drift().latest(ctx.pathParam("id"))
                .orElseThrow(() -> new RolloutException(
                        RolloutException.Reason.ENVIRONMENT_NOT_FOUND,
                        "environment \"" + ctx.pathParam("id") + "\" has no drift check yet: POST .../sync")))));
        routes.get(PATH + "/{id}/clients", ctx -> Responses.json(ctx, 200, Map.of("clients",
                registry.clients().live(ctx.pathParam("id")).stream().map(EnvironmentRoutes::client).toList())));
    }

    /** A heartbeat: {@code version} stands for both when the application reads and writes the same version. */
    private void report(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        Integer version = JsonBodies.whole(body, "version");
        Integer reads = JsonBodies.whole(body, "reads");
        Integer writes = JsonBodies.whole(body, "writes");
        if (reads == null) {
            reads = version;
        }
        if (writes == null) {
            writes = version;
        }
        if (reads == null || writes == null) {
            throw ApiException.badRequest("give \"version\", or \"reads\" and \"writes\" (version numbers)");
        }
        Responses.json(ctx, 200, client(registry.clients().report(ctx.pathParam("id"), JsonBodies.text(body, "subject", true),
                JsonBodies.text(body, "service", true), JsonBodies.text(body, "instance", true), reads, writes)));
    }

    private static Map<String, Object> drift(io.strata.rollout.drift.DriftReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", r.environment());
        json.put("subject", r.subject());
        json.put("version", r.version());
        json.put("drifted", r.drifted());
        json.put("changes", r.changes());
        json.put("checkedAt", r.checkedAt().toString());
        json.put("report", JsonBodies.stored(r.report(), "a drift report"));
        json.put("repair", r.repair() == null ? null : JsonBodies.stored(r.repair(), "a drift repair"));
        return json;
    }

    private static Map<String, Object> client(io.strata.rollout.ClientVersion c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", c.environment());
        json.put("subject", c.subject());
        json.put("service", c.service());
        json.put("instance", c.instance());
        json.put("reads", c.reads());
        json.put("writes", c.writes());
        json.put("lastSeen", c.lastSeen().toString());
        return json;
    }

    private void add(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        Map<String, String> severities = new LinkedHashMap<>();
        JsonNode lint = body.get("lintSeverities");
        if (lint != null && !lint.isNull()) {
            if (!lint.isObject()) {
                throw ApiException.badRequest("field \"lintSeverities\" must be an object of lint code to severity");
            }
            lint.fields().forEachRemaining(f -> {
                if (!f.getValue().isTextual()) {
                    throw ApiException.badRequest("lintSeverities." + f.getKey() + " must be a string (error, warning, off)");
                }
                severities.put(f.getKey(), f.getValue().textValue());
            });
        }
        JsonNode order = body.get("order");
        if (order != null && !order.isNull() && !order.canConvertToInt()) {
            throw ApiException.badRequest("field \"order\" must be a whole number");
        }
        EnvironmentRequest request = new EnvironmentRequest(JsonBodies.text(body, "name", true),
                JsonBodies.text(body, "tier", true), order == null || order.isNull() ? null : order.intValue(),
                JsonBodies.text(body, "group", false), JsonBodies.text(body, "url", true),
                JsonBodies.text(body, "credentials", false),
                JsonBodies.bool(body, "allowDestructive"), severities);
        Responses.json(ctx, 201, json(registry.environments().add(request, Requests.actor(ctx))));
    }

    static Map<String, Object> json(Environment e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.name());
        json.put("name", e.name());
        json.put("tier", e.tier());
        json.put("order", e.order());
        json.put("group", e.group());
        json.put("dialect", e.dialect());
        json.put("url", e.url());
        json.put("credentials", e.credentials().text());
        json.put("allowDestructive", e.policy().allowDestructive());
        json.put("lintSeverities", e.policy().lintSeverities());
        json.put("createdAt", e.createdAt().toString());
        return json;
    }

    private static Map<String, Object> health(EnvironmentHealth h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", h.environment());
        json.put("reachable", h.reachable());
        json.put("latencyMillis", h.latencyMillis());
        json.put("serverVersion", h.serverVersion());
        json.put("error", h.error());
        json.put("applied", h.applied().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", a.version());
            row.put("description", a.description());
            row.put("success", a.success());
            row.put("rolledBack", a.rolledBack());
            row.put("finishedAt", a.finishedAt());
            return row;
        }).toList());
        json.put("behind", h.behind());
        json.put("versions", h.versions());
        json.put("drift", h.drift() == null ? null : Map.of("drifted", h.drift().drifted(), "changes", h.drift().changes(),
                "checkedAt", h.drift().checkedAt().toString()));
        EnvironmentHealth.LastRollout last = h.lastRollout();
        Map<String, Object> rollout = null;
        if (last != null) {
            rollout = new LinkedHashMap<>();
            rollout.put("id", last.id());
            rollout.put("subject", last.subject());
            rollout.put("version", last.version());
            rollout.put("phase", last.phase());
            rollout.put("state", last.state());
            rollout.put("stateHere", last.stateHere());
        }
        json.put("lastRollout", rollout);
        return json;
    }
}

package io.strata.api;

import io.strata.security.Role;
import io.strata.api.dto.ClientVersionDto;
import io.strata.api.dto.DriftReportDto;
import io.strata.api.dto.EnvironmentDto;
import io.strata.api.dto.EnvironmentHealthDto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.strata.app.Registry;
import io.strata.rollout.RolloutException;
import io.strata.rollout.EnvironmentRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
        routes.get(PATH, Role.VIEWER, ctx -> Responses.json(ctx, 200, Map.of("environments",
                registry.environments().list().stream().map(EnvironmentDto::of).toList())));
        routes.post(PATH, Role.ADMIN, this::add);
        routes.get(PATH + "/{id}", Role.VIEWER, ctx -> Responses.json(ctx, 200, EnvironmentDto.of(registry.environments().get(ctx.pathParam("id")))));
        routes.delete(PATH + "/{id}", Role.ADMIN, ctx -> {
            registry.environments().remove(ctx.pathParam("id"), Requests.actor(ctx));
            Responses.json(ctx, 200, Map.of("removed", ctx.pathParam("id")));
        });
        routes.get(PATH + "/{id}/health", Role.VIEWER, ctx -> Responses.json(ctx, 200, EnvironmentHealthDto.of(registry.environments().health(ctx.pathParam("id")))));
        routes.post(PATH + "/{id}/clients", Role.DEVELOPER, this::report);
        routes.post(PATH + "/{id}/sync", Role.DEVELOPER, ctx -> Responses.json(ctx, 200, DriftReportDto.of(registry.drift().check(ctx.pathParam("id")))));
        routes.post(PATH + "/{id}/repair", Role.DEVELOPER, ctx -> Responses.json(ctx, 201, RolloutRoutes.dto(registry.rollouts()
                .repair(ctx.pathParam("id"), Requests.operator(ctx)))));
        routes.get(PATH + "/{id}/drift", Role.VIEWER, ctx -> Responses.json(ctx, 200, DriftReportDto.of(registry.drift().latest(ctx.pathParam("id"))
                .orElseThrow(() -> new RolloutException(
                        RolloutException.Reason.ENVIRONMENT_NOT_FOUND,
                        "environment \"" + ctx.pathParam("id") + "\" has no drift check yet: POST .../sync")))));
        routes.get(PATH + "/{id}/clients", Role.VIEWER, ctx -> Responses.json(ctx, 200, Map.of("clients",
                registry.clients().live(ctx.pathParam("id")).stream().map(ClientVersionDto::of).toList())));
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
        Responses.json(ctx, 200, ClientVersionDto.of(registry.clients().report(ctx.pathParam("id"), JsonBodies.text(body, "subject", true),
                JsonBodies.text(body, "service", true), JsonBodies.text(body, "instance", true), reads, writes)));
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
                JsonBodies.bool(body, "allowDestructive"), severities, policy(body));
        Responses.json(ctx, 201, EnvironmentDto.of(registry.environments().add(request, Requests.actor(ctx))));
    }

    private static final Set<String> POLICY_FIELDS = Set.of("production", "approvals", "secondFactor");

    /** {@code "policy": {"production": true, "approvals": {"low": 1, "high": 2}, "secondFactor": true}}, each part optional. */
    private static EnvironmentRequest.ReviewPolicy policy(ObjectNode body) {
        JsonNode node = body.get("policy");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!(node instanceof ObjectNode policy)) {
            throw ApiException.badRequest("field \"policy\" must be an object: {\"approvals\": {\"low\": 1, \"high\": 2}, "
                    + "\"secondFactor\": true, \"production\": true}");
        }
        policy.fieldNames().forEachRemaining(name -> {
            if (!POLICY_FIELDS.contains(name)) {
                throw ApiException.badRequest("field \"policy." + name + "\" is unknown; a policy has production, approvals and secondFactor");
            }
        });
        Map<String, Integer> approvals = null;
        JsonNode counts = policy.get("approvals");
        if (counts != null && !counts.isNull()) {
            if (!counts.isObject()) {
                throw ApiException.badRequest("field \"policy.approvals\" must be an object of risk (low, high) to a number of approvals");
            }
            Map<String, Integer> given = new LinkedHashMap<>();
            counts.fields().forEachRemaining(f -> {
                if (!f.getValue().isIntegralNumber() || !f.getValue().canConvertToInt()) {
                    throw ApiException.badRequest("policy.approvals." + f.getKey() + " must be a whole number");
                }
                given.put(f.getKey(), f.getValue().intValue());
            });
            approvals = given;
        }
        return new EnvironmentRequest.ReviewPolicy(flag(policy, "production"), approvals, flag(policy, "secondFactor"));
    }

    private static Boolean flag(ObjectNode policy, String field) {
        JsonNode node = policy.get(field);
        if (node != null && !node.isNull() && !node.isBoolean()) {
            throw ApiException.badRequest("field \"policy." + field + "\" must be true or false");
        }
        return JsonBodies.bool(policy, field);
    }

}

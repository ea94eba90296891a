package io.strata.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.strata.api.dto.KeyDto;
import io.strata.app.ManageKeys;
import io.strata.security.Principal;
import io.strata.security.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KeyRoutes are the API keys' routes under {@code /api/v1/keys}, for admins, and {@code /api/v1/whoami}, which
 * tells any caller who the server takes it for.
 */
final class KeyRoutes {

    private static final String PREFIX = V1Routes.PREFIX + "/keys";

    private final ManageKeys keys;

    KeyRoutes(ManageKeys keys) {
        this.keys = keys;
    }

    void register(RouteTable routes) {
        routes.post(PREFIX, Role.ADMIN, this::create);
        routes.get(PREFIX, Role.ADMIN, ctx -> Responses.json(ctx, 200, Map.of("keys", keys.list().stream().map(KeyDto::of).toList())));
        routes.get(PREFIX + "/{id}", Role.ADMIN, ctx -> Responses.json(ctx, 200, KeyDto.of(keys.get(ctx.pathParam("id")))));
        routes.delete(PREFIX + "/{id}", Role.ADMIN, ctx -> Responses.json(ctx, 200,
                KeyDto.of(keys.revoke(ctx.pathParam("id"), Requests.actor(ctx)))));
        routes.post(PREFIX + "/{id}/rotate", Role.ADMIN, ctx -> {
            ManageKeys.IssuedKey issued = keys.rotate(ctx.pathParam("id"), Requests.actor(ctx));
            Responses.json(ctx, 201, KeyDto.of(issued.key(), issued.token()));
        });
        routes.get(V1Routes.PREFIX + "/whoami", Role.VIEWER, this::whoami);
    }

    private void create(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        ManageKeys.IssuedKey issued = keys.create(new ManageKeys.KeyRequest(JsonBodies.text(body, "holder", false),
                JsonBodies.text(body, "role", true), JsonBodies.text(body, "team", false),
                JsonBodies.text(body, "expires", false)), Requests.actor(ctx));
        Responses.json(ctx, 201, KeyDto.of(issued.key(), issued.token()));
    }

    private void whoami(Context ctx) {
        Principal p = Access.principal(ctx);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("kind", p.kind() == Principal.Kind.API_KEY ? "api-key" : "oidc-token");
        json.put("holder", p.holder());
        json.put("role", p.role().label());
        json.put("teams", List.copyOf(new java.util.TreeSet<>(p.teams())));
        json.put("secondFactor", p.secondFactor());
        json.put("auditName", p.auditName());
        Responses.json(ctx, 200, json);
    }
}

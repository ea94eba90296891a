package io.strata.api;

import io.strata.security.Role;
import io.strata.api.dto.DeliveryDto;
import io.strata.api.dto.WebhookDto;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.strata.events.Webhooks;
import io.strata.events.Delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WebhookRoutes are the outgoing webhooks' part of {@code /api/v1}: subscribe, list, read, delete, and each
 * webhook's delivery log. No answer carries a webhook's secret.
 */
final class WebhookRoutes {

    private static final String PREFIX = V1Routes.PREFIX + "/webhooks";

    private final Webhooks webhooks;

    WebhookRoutes(Webhooks webhooks, ApiMetrics metrics) {
        this.webhooks = webhooks;
        webhooks.countDeliveriesWith(metrics::webhookDelivery);
    }

    void register(RouteTable routes) {
        routes.post(PREFIX, Role.ADMIN, this::create);
        routes.get(PREFIX, Role.ADMIN, ctx -> Responses.json(ctx, 200, Map.of("webhooks",
                webhooks.list().stream().map(WebhookDto::of).toList())));
        routes.get(PREFIX + "/{id}", Role.ADMIN, ctx -> Responses.json(ctx, 200, WebhookDto.of(webhooks.get(ctx.pathParam("id")))));
        routes.delete(PREFIX + "/{id}", Role.ADMIN, ctx -> {
            webhooks.delete(ctx.pathParam("id"), Requests.actor(ctx));
            Responses.json(ctx, 200, Map.of("deleted", true));
        });
        routes.get(PREFIX + "/{id}/deliveries", Role.ADMIN, this::deliveries);
    }

    private void create(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String url = JsonBodies.text(body, "url", true);
        String secret = JsonBodies.text(body, "secret", true);
        List<String> events = JsonBodies.texts(body, "events");
        if (events == null) {
            throw ApiException.badRequest("field \"events\" is required");
        }
        Responses.json(ctx, 201, WebhookDto.of(webhooks.create(url, secret, events, Requests.actor(ctx))));
    }

    private void deliveries(Context ctx) {
        List<Delivery> page = webhooks.deliveries(ctx.pathParam("id"), JsonBodies.longParam(ctx, "before", 0),
                (int) Math.max(1, Math.min(JsonBodies.longParam(ctx, "limit", 100), 1_000)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveries", page.stream().map(DeliveryDto::of).toList());
        json.put("next", page.isEmpty() ? null : page.get(page.size() - 1).id());
        Responses.json(ctx, 200, json);
    }
}

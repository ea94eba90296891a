package io.strata.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.strata.app.Registry;
import io.strata.rollout.RolloutException;
import io.strata.rollout.RolloutRequest;
import io.strata.rollout.Rollout;
import io.strata.rollout.TaskState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RolloutRoutes are {@code /api/v1/migrations} (seed 002's name for them): create a rollout of a SQL
 * subject's version (or one phase of its plan) to environments, execute it in the background, follow its
 * status, pause, resume, abort or roll it back.
 */
final class RolloutRoutes {

    private static final String PATH = V1Routes.PREFIX + "/migrations";

    private final Registry registry;

    RolloutRoutes(Registry registry) {
        this.registry = registry;
    }

    void register(RouteTable routes) {
        routes.post(PATH, this::create);
        routes.get(PATH, ctx -> Responses.json(ctx, 200, Map.of("migrations", registry.rollouts()
                .list((int) JsonBodies.longParam(ctx, "limit", 50)).stream().map(RolloutRoutes::json).toList())));
        // A rollout and its status are the same answer; so are execute and resume (resume is execute on a PAUSED one).
        Handler show = ctx -> Responses.json(ctx, 200, json(registry.rollouts().get(id(ctx))));
        routes.get(PATH + "/{id}", show);
        routes.get(PATH + "/{id}/status", show);
        Handler execute = ctx -> Responses.json(ctx, 202, json(registry.rollouts().execute(id(ctx), Requests.actor(ctx))));
        routes.post(PATH + "/{id}/execute", execute);
        routes.post(PATH + "/{id}/abort", ctx -> Responses.json(ctx, 200,
                json(registry.rollouts().abort(id(ctx), Requests.actor(ctx)))));
        routes.post(PATH + "/{id}/pause", ctx -> Responses.json(ctx, 200,
                json(registry.rollouts().pause(id(ctx), Requests.actor(ctx)))));
        routes.post(PATH + "/{id}/resume", execute);
        routes.post(PATH + "/{id}/rollback", ctx -> Responses.json(ctx, 202,
                json(registry.rollouts().rollback(id(ctx), Requests.actor(ctx)))));
    }

    private void create(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        JsonNode version = body.get("version");
        String versionText = version == null || version.isNull() ? null : version.isNumber() ? version.asText()
                : JsonBodies.text(body, "version", false);
        RolloutRequest request = new RolloutRequest(JsonBodies.text(body, "subject", true), versionText,
                JsonBodies.text(body, "phase", false), JsonBodies.texts(body, "environments"), JsonBodies.text(body, "group", false),
                JsonBodies.texts(body, "waves"), JsonBodies.whole(body, "concurrency"), JsonBodies.whole(body, "failureThreshold"),
                JsonBodies.text(body, "betweenWaves", false), Boolean.TRUE.equals(JsonBodies.bool(body, "force")));
        Responses.json(ctx, 201, json(registry.rollouts().create(request, Requests.actor(ctx))));
    }

    private static long id(Context ctx) {
        return Requests.pathLong(ctx, "id", () -> new RolloutException(RolloutException.Reason.ROLLOUT_NOT_FOUND,
                "rollout \"" + ctx.pathParam("id") + "\" not found"));
    }

    static Map<String, Object> json(Rollout r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("subject", r.subject());
        json.put("version", r.version());
        json.put("phase", r.phase());
        json.put("repair", r.repair());
        json.put("state", r.state().name());
        json.put("note", r.note());
        json.put("waves", r.waves());
        json.put("betweenWaves", r.betweenWaves().label());
        json.put("concurrency", r.concurrency());
        json.put("failureThreshold", r.failureThreshold());
        json.put("createdBy", r.createdBy());
        json.put("createdAt", r.createdAt().toString());
        json.put("preflight", r.preflight() == null ? null : JsonBodies.stored(r.preflight(), "a preflight"));
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (TaskState s : TaskState.values()) {
            summary.put(s.name(), 0);
        }
        r.tasks().forEach(t -> summary.merge(t.state().name(), 1, Integer::sum));
        json.put("summary", summary);
        json.put("environments", r.tasks().stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("environment", t.environment());
            task.put("wave", t.wave());
            task.put("state", t.state().name());
            task.put("message", t.message());
            task.put("startedAt", t.startedAt() == null ? null : t.startedAt().toString());
            task.put("finishedAt", t.finishedAt() == null ? null : t.finishedAt().toString());
            task.put("workedBy", t.owner());
            return task;
        }).toList());
        return json;
    }
}

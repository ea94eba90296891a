package io.strata.api;

import io.strata.security.Role;
import io.strata.api.dto.ApprovalsDto;
import io.strata.api.dto.RolloutDto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.strata.app.Registry;
import io.strata.rollout.ApprovalOutcome;
import io.strata.rollout.RolloutException;
import io.strata.rollout.RolloutRequest;
import io.strata.rollout.Rollout;

import java.util.Map;

/**
 * RolloutRoutes are {@code /api/v1/migrations} (seed 002's name for them): create a rollout of a SQL
 * subject's version (or one phase of its plan) to environments, execute it in the background, follow its
 * status, pause, resume, abort or roll it back; and approve it where its risk needs approvals
 * ({@code /approvals}).
 */
final class RolloutRoutes {

    private static final String PATH = V1Routes.PREFIX + "/migrations";

    private final Registry registry;

    RolloutRoutes(Registry registry) {
        this.registry = registry;
    }

    void register(RouteTable routes) {
        routes.post(PATH, Role.DEVELOPER, this::create);
        routes.get(PATH, Role.VIEWER, ctx -> Responses.json(ctx, 200, Map.of("migrations", registry.rollouts()
                .list((int) JsonBodies.longParam(ctx, "limit", 50)).stream().map(RolloutRoutes::dto).toList())));
        // A rollout and its status are the same answer; so are execute and resume (resume is execute on a PAUSED one).
        Handler show = ctx -> Responses.json(ctx, 200, dto(registry.rollouts().get(id(ctx))));
        routes.get(PATH + "/{id}", Role.VIEWER, show);
        routes.get(PATH + "/{id}/status", Role.VIEWER, show);
        Handler execute = ctx -> Responses.json(ctx, 202, dto(registry.rollouts().execute(id(ctx), Requests.operator(ctx))));
        routes.post(PATH + "/{id}/execute", Role.DEVELOPER, execute);
        routes.post(PATH + "/{id}/abort", Role.DEVELOPER, ctx -> Responses.json(ctx, 200,
                dto(registry.rollouts().abort(id(ctx), Requests.operator(ctx)))));
        routes.post(PATH + "/{id}/pause", Role.DEVELOPER, ctx -> Responses.json(ctx, 200,
                dto(registry.rollouts().pause(id(ctx), Requests.operator(ctx)))));
        routes.post(PATH + "/{id}/resume", Role.DEVELOPER, execute);
        routes.post(PATH + "/{id}/rollback", Role.DEVELOPER, ctx -> Responses.json(ctx, 202,
                dto(registry.rollouts().rollback(id(ctx), Requests.operator(ctx)))));
        routes.get(PATH + "/{id}/approvals", Role.VIEWER, ctx -> Responses.json(ctx, 200, ApprovalsDto.of(registry.rollouts().approvals(id(ctx)))));
        routes.post(PATH + "/{id}/approvals", Role.RELEASER, this::approve);
    }

    /** An approval: 201 when recorded, 200 when the approver had already approved this plan (it counts once). */
    private void approve(Context ctx) {
        // The body is optional: an approval without a comment needs none.
        String comment = ctx.body().isBlank() ? null : JsonBodies.text(JsonBodies.object(ctx), "comment", false);
        ApprovalOutcome outcome = registry.rollouts().approve(id(ctx), comment, Requests.operator(ctx));
        Responses.json(ctx, outcome.recorded() ? 201 : 200, ApprovalsDto.of(outcome.status()));
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
        Responses.json(ctx, 201, dto(registry.rollouts().create(request, Requests.operator(ctx))));
    }

    private static long id(Context ctx) {
        return Requests.pathLong(ctx, "id", () -> new RolloutException(RolloutException.Reason.ROLLOUT_NOT_FOUND,
                "rollout \"" + ctx.pathParam("id") + "\" not found"));
    }

    static RolloutDto dto(Rollout r) {
        return RolloutDto.of(r, r.preflight() == null ? null : JsonBodies.stored(r.preflight(), "a preflight"));
    }
}

package io.strata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.strata.compat.CompatibilityJson;
import io.strata.events.WebhookException;
import io.strata.registry.IncompatibleSchemaException;
import io.strata.registry.RegistryException;
import io.strata.rollout.RolloutException;
import io.strata.error.StrataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ApiErrors is the one place where exceptions become HTTP answers. Strata's own API answers
 * {@code {"error": {"code", "message", "details"}}}; the Confluent-compatible API answers Confluent's
 * {@code {"error_code", "message"}} with Confluent's codes, which its clients switch on. No answer carries
 * a stack trace: unexpected failures are logged here and answered with a plain message.
 */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** A failure as both APIs describe it. */
    record Failure(int status, String code, int confluentCode, String message, Object details) {
    }

    private ApiErrors() {
    }

    static void handle(Exception e, Context ctx) {
        Failure f = describe(e);
        if (f.status() >= 500) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        }
        boolean confluent = ctx.path().startsWith(ConfluentRoutes.PREFIX);
        Map<String, Object> body = new LinkedHashMap<>();
        if (confluent) {
            body.put("error_code", f.confluentCode());
            body.put("message", f.message());
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", f.code());
            error.put("message", f.message());
            error.put("details", f.details());
            body.put("error", error);
        }
        // Confluent's codes carry their status: 40401 is a 404, 42201 a 422, a bare 409 a 409.
        ctx.status(confluent ? (f.confluentCode() >= 10_000 ? f.confluentCode() / 100 : f.confluentCode()) : f.status());
        ctx.contentType(confluent ? ConfluentRoutes.MEDIA_TYPE : "application/json");
        try {
            ctx.result(JsonBodies.JSON.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            ctx.result("{\"error\":{\"code\":\"INTERNAL\",\"message\":\"cannot render the error\"}}");
        }
    }

    static Failure describe(Exception e) {
        if (e instanceof ConfluentError c) {
            return new Failure(c.status(), "NOT_FOUND", c.code(), c.getMessage(), null);
        }
        if (e instanceof ApiException a) {
            // A malformed body is Confluent's 422; anything else (no such route, wrong method, size, type) keeps its status.
            int confluent = a.status() == 400 ? 42200 : a.status();
            return new Failure(a.status(), a.code(), confluent, a.getMessage(), null);
        }
        if (e instanceof IncompatibleSchemaException i) {
            return new Failure(409, "INCOMPATIBLE", 409, i.getMessage(), CompatibilityJson.of(i.result()));
        }
        if (e instanceof RegistryException r) {
            return registry(r);
        }
        if (e instanceof RolloutException r) {
            return rollout(r);
        }
        if (e instanceof WebhookException w) {
            return w.reason() == WebhookException.Reason.WEBHOOK_NOT_FOUND
                    ? new Failure(404, w.reason().name(), 40400, w.getMessage(), null)
                    : new Failure(422, w.reason().name(), 42200, w.getMessage(), null);
        }
        if (e instanceof StrataException s) {
            return switch (s.code()) {
                case BAD_INPUT -> new Failure(400, "BAD_INPUT", 42200, s.getMessage(), null);
                case NOT_FOUND -> new Failure(404, "NOT_FOUND", 40400, s.getMessage(), null);
                case INCOMPATIBLE -> new Failure(409, "INCOMPATIBLE", 409, s.getMessage(), null);
                case CONFLICT -> new Failure(409, "CONFLICT", 40900, s.getMessage(), null);
                case FORBIDDEN -> new Failure(403, "FORBIDDEN", 40301, s.getMessage(), null);
                case NOT_CONFIGURED -> new Failure(422, "NOT_CONFIGURED", 42200, s.getMessage(), null);
                case UNREACHABLE -> new Failure(503, "UNREACHABLE", 50001, s.getMessage(), null);
                // Logged in full; the answer does not carry the store's SQL or the values it was given.
                case INTERNAL -> new Failure(500, "INTERNAL", 50001, "internal error; the server log has the details", null);
            };
        }
        if (e instanceof HttpResponseException h) {
            int status = h.getStatus() >= 500 ? 500 : h.getStatus();
            String message = h.getStatus() == 413 ? "the request body is over the size limit" : h.getMessage();
            // Like an ApiException: Confluent's answer keeps the status as its code.
            return new Failure(status, status == 413 ? "PAYLOAD_TOO_LARGE" : "HTTP_" + status, status == 500 ? 50001 : status,
                    message, null);
        }
        return new Failure(500, "INTERNAL", 50001, "internal error (" + e.getClass().getSimpleName()
                + "); the server log has the details", null);
    }

    private static Failure registry(RegistryException r) {
        String code = r.reason().name();
        return switch (r.reason()) {
            case SUBJECT_NOT_FOUND, BRANCH_NOT_FOUND -> new Failure(404, code, 40401, r.getMessage(), r.details());
            case VERSION_NOT_FOUND -> new Failure(404, code, 40402, r.getMessage(), r.details());
            case SCHEMA_NOT_FOUND -> new Failure(404, code, 40403, r.getMessage(), r.details());
            case INVALID_SCHEMA -> new Failure(422, code, 42201, r.getMessage(), r.details());
            case INVALID_VERSION -> new Failure(422, code, 42202, r.getMessage(), r.details());
            case INVALID_LEVEL -> new Failure(422, code, 42203, r.getMessage(), r.details());
            case INVALID_REQUEST -> new Failure(400, code, 42200, r.getMessage(), r.details());
            case INVALID_MODE -> new Failure(422, code, 42204, r.getMessage(), r.details());
            case SUBJECT_SOFT_DELETED -> new Failure(404, code, 40404, r.getMessage(), r.details());
            case VERSION_SOFT_DELETED -> new Failure(404, code, 40406, r.getMessage(), r.details());
            case NOT_SOFT_DELETED -> new Failure(409, code, 40405, r.getMessage(), r.details());
            case VERSION_NOT_SOFT_DELETED -> new Failure(409, code, 40407, r.getMessage(), r.details());
            case REFERENCED -> new Failure(409, code, 42206, r.getMessage(), r.details());
            case READ_ONLY -> new Failure(409, code, 42205, r.getMessage(), r.details());
            case EXISTS, MERGE_CONFLICT -> new Failure(409, code, 40900, r.getMessage(), r.details());
        };
    }

    private static Failure rollout(RolloutException r) {
        String code = r.reason().name();
        return switch (r.reason()) {
            case ENVIRONMENT_NOT_FOUND, ROLLOUT_NOT_FOUND -> new Failure(404, code, 40401, r.getMessage(), r.details());
            case CREDENTIALS_UNRESOLVED, POLICY_REFUSED, TARGETS_UNREACHABLE -> new Failure(422, code, 42200, r.getMessage(), r.details());
            case INVALID_REQUEST -> new Failure(400, code, 42200, r.getMessage(), r.details());
            case EXISTS, DRIFTED, APPROVALS_MISSING, PLAN_CHANGED -> new Failure(409, code, 40900, r.getMessage(), r.details());
            case RELEASER_REQUIRED, OWN_ROLLOUT, SECOND_FACTOR_REQUIRED -> new Failure(403, code, 40301, r.getMessage(), r.details());
        };
    }
}

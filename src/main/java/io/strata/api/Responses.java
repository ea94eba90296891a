package io.strata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;

/** Responses writes JSON answers with one mapper, so every route renders values the same way. */
final class Responses {

    private Responses() {
    }

    static void json(Context ctx, int status, Object body) {
        json(ctx, status, body, "application/json");
    }

    static void json(Context ctx, int status, Object body, String mediaType) {
        try {
            ctx.status(status).contentType(mediaType).result(JsonBodies.JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response is plain data", e);
        }
    }
}

package io.strata.api;

import io.javalin.http.Context;


/** Requests reads what routes need from a request besides its body: who is asking, and numeric path parameters. */
final class Requests {

    private Requests() {
    }

    /** The actor recorded in the audit trail: the authenticated principal, never a name the client typed. */
    static String actor(Context ctx) {
        return Access.principal(ctx).auditName();
    }

    /** A numeric path parameter; one that is not a number names nothing, so it is {@code notFound}'s refusal. */
    static long pathLong(Context ctx, String name, java.util.function.Supplier<RuntimeException> notFound) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw notFound.get();
        }
    }
}

package io.strata.api;

import io.javalin.http.Context;
import io.strata.security.Principal;
import io.strata.security.Role;
import io.strata.rollout.Operator;


/** Requests reads what routes need from a request besides its body: who is asking, and numeric path parameters. */
final class Requests {

    private Requests() {
    }

    /** The actor recorded in the audit trail: the authenticated principal, never a name the client typed. */
    static String actor(Context ctx) {
        return Access.principal(ctx).auditName();
    }

    /**
     * Who is asking, as the rollout engine weighs them: the name the audit trail records, whether they may release
     * to production, and whether they proved a second factor. Until requests are authenticated, everyone is a
     * releaser named by {@link #actor} without a second factor.
     */
    static Operator operator(Context ctx) {
        Principal principal = Access.principal(ctx);
        return new Operator(principal.auditName(), principal.person(), principal.has(Role.RELEASER), principal.secondFactor());
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

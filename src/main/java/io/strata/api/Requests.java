package io.strata.api;

import io.javalin.http.Context;
import io.strata.rollout.Operator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests reads what routes need from a request besides its body: who is asking, and numeric path parameters. */
final class Requests {

    static final String ACTOR_HEADER = "X-Strata-Actor";

    private Requests() {
    }

    /** The actor recorded in the audit trail: the {@code X-Strata-Actor} header, else the Basic auth user, else anonymous. */
    static String actor(Context ctx) {
        String header = ctx.header(ACTOR_HEADER);
        if (header != null && !header.isBlank()) {
            return clip(header.strip());
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                if (!user.isBlank()) {
                    return clip(user);
                }
            } catch (IllegalArgumentException ignored) {
                // Not Base64: fall through to anonymous.
            }
        }
        return "anonymous";
    }

    /**
     * Who is asking, as the rollout engine weighs them: the name the audit trail records, whether they may release
     * to production, and whether they proved a second factor. Until requests are authenticated, everyone is a
     * releaser named by {@link #actor} without a second factor.
     */
    static Operator operator(Context ctx) {
        return new Operator(actor(ctx), true, false);
    }

    /** A numeric path parameter; one that is not a number names nothing, so it is {@code notFound}'s refusal. */
    static long pathLong(Context ctx, String name, java.util.function.Supplier<RuntimeException> notFound) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw notFound.get();
        }
    }

    private static String clip(String actor) {
        String cleaned = actor.replaceAll("\\p{Cntrl}", "");
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }
}

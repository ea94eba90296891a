package io.strata.api;

import io.javalin.http.Context;
import io.strata.security.AuthenticationException;
import io.strata.security.Authenticator;
import io.strata.security.Principal;
import io.strata.security.Role;

/**
 * Access is the API's gate: every request but {@code /health} (and {@code /metrics} when left open) must
 * authenticate, before any route runs, so that even an unknown path says nothing to a stranger; each route then
 * names the least role it needs. The principal found is what the audit trail records.
 */
final class Access {

    private static final String PRINCIPAL = "strata.principal";
    private static final String CHALLENGE = "Bearer realm=\"strata\", Basic realm=\"strata\"";

    private final Authenticator authenticator;
    private final AccessSettings settings;

    Access(Authenticator authenticator, AccessSettings settings) {
        this.authenticator = authenticator;
        this.settings = settings;
    }

    /** The before-filter: authenticates the request unless its path is open. */
    void authenticate(Context ctx) {
        if (open(ctx.path())) {
            return;
        }
        if (settings.everyone() != null) {
            ctx.attribute(PRINCIPAL, settings.everyone());
            return;
        }
        Principal principal;
        try {
            principal = authenticator.authenticate(ctx.header("Authorization"));
        } catch (AuthenticationException e) {
            if (e.reason() == AuthenticationException.Reason.ISSUER_UNREACHABLE) {
                throw new ApiException(503, "UNAVAILABLE", e.getMessage());
            }
            ctx.header("WWW-Authenticate", CHALLENGE);
            throw new ApiException(401, "UNAUTHENTICATED", e.getMessage());
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    boolean open(String path) {
        return path.equals("/health") || settings.openMetrics() && path.equals("/metrics");
    }

    /** The request's principal; only an open route has none, and open routes never ask. */
    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new ApiException(401, "UNAUTHENTICATED", "no credentials: send Authorization: Bearer KEY");
        }
        return principal;
    }

    /** Refuses the request with a 403 unless its principal holds {@code needed}. */
    static Principal require(Context ctx, Role needed) {
        Principal principal = principal(ctx);
        if (!principal.has(needed)) {
            throw forbidden(principal.auditName() + " is a " + principal.role().label() + "; this needs the "
                    + needed.label() + " role");
        }
        return principal;
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }
}

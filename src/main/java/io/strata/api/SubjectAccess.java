package io.strata.api;

import io.javalin.http.Context;
import io.strata.app.Registry;
import io.strata.registry.Subject;
import io.strata.security.Principal;
import io.strata.security.Role;

import java.util.Optional;

/**
 * SubjectAccess holds the ownership rule: a subject belongs to the team named as its owner, and only that team's
 * members (or an admin) register versions of it, delete it or change its settings. A subject with no owner may be
 * changed by any developer; a new subject belongs to its registrar's team unless the request names another one
 * the registrar is in.
 */
final class SubjectAccess {

    private final Registry registry;

    SubjectAccess(Registry registry) {
        this.registry = registry;
    }

    /** Refuses with a 403 unless the request's principal may change {@code subject}; the subject, when it exists. */
    Optional<Subject> requireTeam(Context ctx, String subject) {
        Principal principal = Access.principal(ctx);
        Optional<Subject> existing = registry.subjects().find(subject);
        Optional<String> team = existing.map(Subject::owner).filter(o -> !o.isBlank());
        if (team.isPresent() && !principal.memberOf(team.get())) {
            throw Access.forbidden("subject \"" + subject + "\" belongs to team \"" + team.get() + "\"; "
                    + principal.auditName() + (principal.teams().isEmpty() ? " is in no team"
                    : " is in " + String.join(", ", principal.teams().stream().sorted().toList())));
        }
        return existing;
    }

    /** Refuses a hard delete unless the principal is an admin. */
    static void requireAdminFor(Context ctx, boolean permanent) {
        if (permanent) {
            Access.require(ctx, Role.ADMIN);
        }
    }

    /**
     * The owner a registration gives its subject: {@code requested} when given (the principal must be in it); for a
     * new subject, else, the principal's team when it has exactly one; otherwise null (the owner stays as it is).
     */
    static String ownerFor(Context ctx, boolean newSubject, String requested) {
        Principal principal = Access.principal(ctx);
        if (requested != null && !requested.isBlank()) {
            if (!principal.memberOf(requested.strip())) {
                throw Access.forbidden(principal.auditName() + " cannot give a subject to team \"" + requested.strip()
                        + "\", which it is not in");
            }
            return requested.strip();
        }
        return newSubject && principal.teams().size() == 1 ? principal.teams().iterator().next() : null;
    }
}

package io.strata.security;

import java.util.Objects;
import java.util.Set;

/**
 * A Principal is the identity a request was authenticated as: an API key or an OIDC token's subject, with its
 * role and teams. The audit trail records {@link #auditName()}; nothing a client writes in a header names it.
 *
 * @param kind         how it authenticated
 * @param id           the key id, or the token's {@code sub}
 * @param holder       who holds the key (as its creator named them), or the token's name/e-mail claim when there is one
 * @param role         the highest role it holds
 * @param teams        the teams whose subjects it may change; empty for none
 * @param secondFactor whether it proved a second factor (an OIDC token whose {@code amr} claim shows one); never for keys
 */
public record Principal(Kind kind, String id, String holder, Role role, Set<String> teams, boolean secondFactor) {

    /** How a principal authenticated. */
    public enum Kind { API_KEY, OIDC_TOKEN }

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        holder = holder == null || holder.isBlank() ? id : holder;
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    /** Whether it may do what {@code needed} may. */
    public boolean has(Role needed) {
        return role.includes(needed);
    }

    /** Whether it belongs to {@code team}; an admin counts as a member of every team. */
    public boolean memberOf(String team) {
        return role == Role.ADMIN || team != null && teams.contains(team);
    }

    /**
     * Who the principal is as a person, whatever key or login they use: a key's holder (a holder's two keys are one
     * person), or a token's subject. Four eyes compare persons, so that nobody approves their own change with a
     * second key.
     */
    public String person() {
        return kind == Kind.API_KEY ? "holder:" + holder : "oidc:" + id;
    }

    /**
     * The name the audit trail records: the holder with the key id ({@code alice (key k3f9a2)}), or the token's
     * subject with its holder's name ({@code alice@corp (oidc 2f8c...)}).
     */
    public String auditName() {
        String how = kind == Kind.API_KEY ? "key " : "oidc ";
        return holder.equals(id) ? how + id : holder + " (" + how + id + ")";
    }
}

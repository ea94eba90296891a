package io.strata.rollout;

import java.util.Objects;

/**
 * An Operator is who asks the rollout engine to do something, as the server authenticated them: the name the
 * audit trail records, whether they may release to production tiers, and whether they proved a second factor.
 *
 * @param name                   what the audit trail records, e.g. {@code alice (key k3f9)}
 * @param person                 who they are whatever key or login they use ({@code holder:alice}): compared with a
 *                               rollout's author and its other approvers, so that nobody approves their own rollout,
 *                               or approves twice, with a second key
 * @param mayReleaseToProduction whether they may create, execute, resume and roll back rollouts that touch a
 *                               production tier, and approve them (releasers and admins)
 * @param secondFactor           whether their login proved a second factor (an OIDC token with MFA), which a tier
 *                               may require of its approvals
 */
public record Operator(String name, String person, boolean mayReleaseToProduction, boolean secondFactor) {

    public Operator {
        Objects.requireNonNull(name, "name");
        person = person == null ? name : person;
    }

    /** An operator who is the person their name says (the demo, benchmarks). */
    public Operator(String name, boolean mayReleaseToProduction, boolean secondFactor) {
        this(name, name, mayReleaseToProduction, secondFactor);
    }
}

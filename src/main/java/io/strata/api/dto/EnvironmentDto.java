package io.strata.api.dto;

import io.strata.rollout.Environment;
import io.strata.rollout.Risk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An EnvironmentDto is an environment as the API answers it.
 *
 * @param credentials the reference the password is found through ({@code env:NAME}, {@code file:PATH}), never the password
 * @param policy      who must approve rollouts there
 */
public record EnvironmentDto(String id, String name, String tier, int order, String group, String dialect, String url,
                             String credentials, boolean allowDestructive, Map<String, String> lintSeverities,
                             PolicyDto policy, String createdAt) {

    /**
     * The review part of an environment's policy.
     *
     * @param production   whether it is production (its tier's name, or its policy): only releasers roll out there
     * @param approvals    risk ({@code low}, {@code high}) → approvals a rollout of that risk needs there
     * @param secondFactor whether approvals there count only from an operator who proved a second factor
     */
    public record PolicyDto(boolean production, Map<String, Integer> approvals, boolean secondFactor) {
    }

    public static EnvironmentDto of(Environment e) {
        Map<String, Integer> approvals = new LinkedHashMap<>();
        for (Risk risk : Risk.values()) {
            approvals.put(risk.label(), e.policy().approvals(risk));
        }
        return new EnvironmentDto(e.name(), e.name(), e.tier(), e.order(), e.group(), e.dialect(), e.url(),
                e.credentials().text(), e.policy().allowDestructive(), e.policy().lintSeverities(),
                new PolicyDto(e.production(), approvals, e.policy().secondFactor()), e.createdAt().toString());
    }
}

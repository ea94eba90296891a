package io.strata.rollout;

import java.util.Map;

/**
 * An EnvironmentRequest describes an environment to add, as the API and {@code strata.yaml} give it.
 *
 * @param order            place in the promotion order; null takes the tier's (dev 10, staging 20, prod 30)
 * @param credentials      {@code env:NAME}, {@code file:PATH} or {@code none}
 * @param allowDestructive null takes the tier's default: refused in {@code prod}, allowed elsewhere
 * @param policy           who must approve rollouts there, and whether it is production; null takes the tier's defaults
 */
public record EnvironmentRequest(String name, String tier, Integer order, String group, String url, String credentials,
                                 Boolean allowDestructive, Map<String, String> lintSeverities, ReviewPolicy policy) {

    /**
     * The review part of an environment's policy, as given; each part left null takes the default.
     *
     * @param production   whether a tier not named {@code prod} or {@code production} is production (default false;
     *                     those two names always are)
     * @param approvals    risk ({@code low}, {@code high}) → approvals needed; a risk not named takes the default
     *                     (production: low 1, high 2; elsewhere none)
     * @param secondFactor whether approvals count only from an operator who proved a second factor (default false)
     */
    public record ReviewPolicy(Boolean production, Map<String, Integer> approvals, Boolean secondFactor) {
    }
}

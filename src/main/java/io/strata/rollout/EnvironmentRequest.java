package io.strata.rollout;

import java.util.Map;

/**
 * An EnvironmentRequest describes an environment to add, as the API and {@code strata.yaml} give it.
 *
 * @param order            place in the promotion order; null takes the tier's (dev 10, staging 20, prod 30)
 * @param credentials      {@code env:NAME}, {@code file:PATH} or {@code none}
 * @param allowDestructive null takes the tier's default: refused in {@code prod}, allowed elsewhere
 */
public record EnvironmentRequest(String name, String tier, Integer order, String group, String url, String credentials,
                                 Boolean allowDestructive, Map<String, String> lintSeverities) {
}

package io.strata.api.dto;

import io.strata.rollout.Environment;

import java.util.Map;

/**
 * An EnvironmentDto is an environment as the API answers it.
 *
 * @param credentials the reference the password is found through ({@code env:NAME}, {@code file:PATH}), never the password
 */
public record EnvironmentDto(String id, String name, String tier, int order, String group, String dialect, String url,
                             String credentials, boolean allowDestructive, Map<String, String> lintSeverities,
                             String createdAt) {

    public static EnvironmentDto of(Environment e) {
        return new EnvironmentDto(e.name(), e.name(), e.tier(), e.order(), e.group(), e.dialect(), e.url(),
                e.credentials().text(), e.policy().allowDestructive(), e.policy().lintSeverities(), e.createdAt().toString());
    }
}

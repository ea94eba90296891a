package io.strata.api.dto;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.Map;

/**
 * A RegistrationDto answers a registration: the version (new, or the existing one with the same schema), whether
 * it was created, and the compatibility check it passed (null when none ran).
 */
public record RegistrationDto(@JsonUnwrapped VersionDto version, boolean created, Map<String, Object> check) {
}

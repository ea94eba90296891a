package io.strata.registry;

import io.strata.compat.CompatibilityResult;

/**
 * A Registration is the answer to a register request.
 *
 * @param created false when the same schema was already a live version (the request changed nothing)
 * @param check   the check that admitted it, or null for a first version or a repeat
 */
public record Registration(SchemaVersion version, boolean created, CompatibilityResult check) {
}

package io.strata.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.strata.registry.SchemaVersion;

/**
 * A VersionDto is one version of a subject as the API answers it; lists leave the schema text out.
 *
 * @param schema    the text as registered; absent in lists
 * @param canonical the canonical form the fingerprint is taken of; absent in lists
 */
public record VersionDto(long id, String subject, String branch, int version, String semver, String fingerprint,
                         String author, String message, boolean deleted, String createdAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String schema,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String canonical) {

    /** The version with its text. */
    public static VersionDto withSchema(SchemaVersion v) {
        return of(v, v.schema(), v.canonical());
    }

    /** The version without its text, as lists show it. */
    public static VersionDto summary(SchemaVersion v) {
        return of(v, null, null);
    }

    private static VersionDto of(SchemaVersion v, String schema, String canonical) {
        return new VersionDto(v.id(), v.subject(), v.branch(), v.version(), v.semver(), v.fingerprint(), v.author(),
                v.message(), v.deleted(), v.createdAt().toString(), schema, canonical);
    }
}

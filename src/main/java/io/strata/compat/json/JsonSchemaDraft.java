package io.strata.compat.json;

import io.strata.error.StrataException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A JsonSchemaDraft is one JSON Schema specification version Strata reads, named by the {@code $schema} URI
 * a document declares.
 */
public enum JsonSchemaDraft {
    DRAFT_4("http://json-schema.org/draft-04/schema#", "draft-04"),
    DRAFT_6("http://json-schema.org/draft-06/schema#", "draft-06"),
    DRAFT_7("http://json-schema.org/draft-07/schema#", "draft-07"),
    DRAFT_2019_09("https://json-schema.org/draft/2019-09/schema", "draft/2019-09"),
    DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema", "draft/2020-12");

    /**
     * A document without {@code $schema} is read as draft-07, as Apicurio and Confluent read it, so that a
     * schema registered there means the same here.
     */
    public static final JsonSchemaDraft DEFAULT = DRAFT_7;

    private final String uri;
    private final String key;

    JsonSchemaDraft(String uri, String key) {
        this.uri = uri;
        this.key = key;
    }

    /** The canonical meta-schema URI, as the specification publishes it. */
    public String uri() {
        return uri;
    }

    /** Whether the root of a document may be {@code true} or {@code false} (boolean schemas came with draft-06). */
    boolean allowsBooleanSchemas() {
        return this != DRAFT_4;
    }

    /**
     * The draft a {@code $schema} value names. Writers differ on {@code http}/{@code https} and a trailing
     * {@code #}, which name the same meta-schema, so both are ignored.
     *
     * @throws StrataException BAD_INPUT naming the supported URIs when {@code schemaUri} is none of them
     */
    static JsonSchemaDraft of(String label, String schemaUri) {
        String wanted = normalize(schemaUri);
        for (JsonSchemaDraft draft : values()) {
            if (normalize(draft.uri).equals(wanted)) {
                return draft;
            }
        }
        String supported = Arrays.stream(values()).map(JsonSchemaDraft::uri).collect(Collectors.joining(", "));
        throw StrataException.badInput("schema \"" + label + "\", at /$schema: unknown JSON Schema version \""
                + schemaUri + "\"; supported: " + supported);
    }

    private static String normalize(String uri) {
        String s = uri.trim().toLowerCase(Locale.ROOT);
        s = s.replaceFirst("^https?://", "");
        while (s.endsWith("#") || s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        return key;
    }
}

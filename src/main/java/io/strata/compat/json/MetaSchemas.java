package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.error.StrataException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MetaSchemas checks a schema against the meta-schema of its draft, which is what "a valid JSON Schema"
 * means: the specification's own definition, not what one loader happens to tolerate.
 *
 * <p>The meta-schemas are the ones vertx-json-schema ships (draft-04, draft-07, 2019-09, 2020-12 with their
 * vocabularies), loaded from the classpath so nothing is fetched over the network. Vert.x ships none for
 * draft-06; draft-07's differs from it only by the keywords draft-07 added, so removing those gives it.
 */
final class MetaSchemas {

    /** Never resolved: it only gives relative references in the meta-schemas a base. */
    private static final String BASE = "https://strata.invalid/";
    /** Keywords draft-07 added to draft-06; a draft-06 document may use them as unknown, unchecked keywords. */
    private static final List<String> ADDED_IN_DRAFT_7 = List.of(
            "$comment", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "if", "then", "else");
    private static final List<String> VOCABULARIES = List.of(
            "core", "applicator", "validation", "meta-data", "format", "format-annotation", "content", "unevaluated");

    /** One reason a schema is not valid under its meta-schema. */
    record Violation(String pointer, String message) {
    }

    private static final Map<JsonSchemaDraft, Validator> VALIDATORS = load();

    private MetaSchemas() {
    }

    /** The deepest reason {@code tree} breaks its draft's meta-schema, or empty when it is valid. */
    static Optional<Violation> check(JsonSchemaDraft draft, JsonNode tree) {
        Object instance = tree.isBoolean() ? tree.booleanValue() : new JsonObject(tree.toString());
        OutputUnit out = VALIDATORS.get(draft).validate(instance);
        if (Boolean.TRUE.equals(out.getValid())) {
            return Optional.empty();
        }
        return Optional.of(deepest(out));
    }

    /**
     * Validators report every enclosing failure ("a subschema had errors"); the useful one is the error at
     * the deepest place in the schema that says what is wrong there.
     */
    private static Violation deepest(OutputUnit out) {
        List<OutputUnit> errors = out.getErrors() == null ? List.of() : out.getErrors();
        Optional<OutputUnit> best = errors.stream()
                .filter(e -> e.getError() != null && !summary(e.getError()))
                .max(Comparator.comparingInt((OutputUnit e) -> pointer(e.getInstanceLocation()).length()));
        if (best.isEmpty()) {
            best = errors.stream().max(Comparator.comparingInt((OutputUnit e) -> pointer(e.getInstanceLocation()).length()));
        }
        return best.map(e -> new Violation(pointer(e.getInstanceLocation()), e.getError()))
                .orElse(new Violation("", out.getError() == null ? "does not match its meta-schema" : out.getError()));
    }

    private static boolean summary(String error) {
        return error.startsWith("A subschema had errors") || error.startsWith("A sub-schema had errors")
                || error.contains("does not match schema") || error.startsWith("Instance does not match every subschema")
                || error.contains("does not match additional properties schema")
                || error.startsWith("Instance does not match any subschemas");
    }

    private static String pointer(String instanceLocation) {
        if (instanceLocation == null) {
            return "";
        }
        return instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    }

    private static Map<JsonSchemaDraft, Validator> load() {
        SchemaRepository repository = SchemaRepository.create(options(Draft.DRAFT202012));
        JsonObject draft7 = asSpecified(resource("json-schema.org/draft-07/schema"));
        repository.dereference(id(JsonSchemaDraft.DRAFT_4), JsonSchema.of(resource("json-schema.org/draft-04/schema")));
        repository.dereference(id(JsonSchemaDraft.DRAFT_6), JsonSchema.of(draft6From(draft7)));
        repository.dereference(id(JsonSchemaDraft.DRAFT_7), JsonSchema.of(draft7));
        for (String version : List.of("2019-09", "2020-12")) {
            String path = "json-schema.org/draft/" + version + "/schema";
            repository.dereference("https://" + path, JsonSchema.of(resource(path)));
            for (String vocabulary : VOCABULARIES) {
                String vocabularyPath = "json-schema.org/draft/" + version + "/meta/" + vocabulary;
                if (MetaSchemas.class.getClassLoader().getResource(vocabularyPath) != null) {
                    repository.dereference("https://" + vocabularyPath, JsonSchema.of(resource(vocabularyPath)));
                }
            }
        }
        Map<JsonSchemaDraft, Validator> out = new EnumMap<>(JsonSchemaDraft.class);
        for (JsonSchemaDraft draft : JsonSchemaDraft.values()) {
            out.put(draft, repository.validator(id(draft), options(evaluatedAs(draft))));
        }
        return out;
    }

    /**
     * From draft-06 on, the specification says an enum SHOULD (no longer MUST) have at least one, unique,
     * element; the draft-07 meta-schema vert.x ships keeps draft-04's MUSTs ({@code minItems: 1},
     * {@code uniqueItems: true}), which would refuse a schema the specification allows (and 2020-12's own
     * meta-schema drops them). Strata follows the specification text.
     */
    private static JsonObject asSpecified(JsonObject draft7) {
        JsonObject enumSchema = draft7.getJsonObject("properties").getJsonObject("enum");
        enumSchema.remove("minItems");
        enumSchema.remove("uniqueItems");
        return draft7;
    }

    private static JsonObject draft6From(JsonObject draft7) {
        JsonObject draft6 = draft7.copy();
        // draft-07's own $id must not leak into the copy, or both would claim the same URI
        draft6.put("$schema", JsonSchemaDraft.DRAFT_6.uri());
        draft6.put("$id", JsonSchemaDraft.DRAFT_6.uri());
        JsonObject properties = draft6.getJsonObject("properties");
        ADDED_IN_DRAFT_7.forEach(properties::remove);
        return draft6;
    }

    /** The meta-schema's own {@code $id}, under which the repository knows it. */
    private static String id(JsonSchemaDraft draft) {
        return switch (draft) {
            case DRAFT_4 -> "http://json-schema.org/draft-04/schema";
            case DRAFT_6 -> "http://json-schema.org/draft-06/schema";
            case DRAFT_7 -> "http://json-schema.org/draft-07/schema";
            case DRAFT_2019_09 -> "https://json-schema.org/draft/2019-09/schema";
            case DRAFT_2020_12 -> "https://json-schema.org/draft/2020-12/schema";
        };
    }

    /** The rules the meta-schema itself is written in (draft-06's is evaluated as draft-07, its successor). */
    private static Draft evaluatedAs(JsonSchemaDraft draft) {
        return switch (draft) {
            case DRAFT_4 -> Draft.DRAFT4;
            case DRAFT_6, DRAFT_7 -> Draft.DRAFT7;
            case DRAFT_2019_09 -> Draft.DRAFT201909;
            case DRAFT_2020_12 -> Draft.DRAFT202012;
        };
    }

    private static JsonSchemaOptions options(Draft draft) {
        return new JsonSchemaOptions().setDraft(draft).setBaseUri(BASE).setOutputFormat(OutputFormat.Basic);
    }

    private static JsonObject resource(String path) {
        try (InputStream in = MetaSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("meta-schema " + path + " is missing from the classpath (vertx-json-schema)");
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For messages: where in the schema, or "the root". */
    static String where(String pointer) {
        return pointer.isEmpty() ? "at the root" : "at " + pointer;
    }

    static StrataException invalid(String label, JsonSchemaDraft draft, Violation v) {
        return StrataException.badInput("schema \"" + label + "\", " + where(v.pointer()) + ": not a valid "
                + draft + " JSON Schema: " + v.message());
    }
}

package io.strata.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EveritLoader builds the everit-json-schema model of a document, the form Apicurio's differ compares.
 *
 * <p>It never reads the network or the file system: a {@code $ref} outside the document must be one of the
 * imports the caller supplies, or the schema is refused, because a reference Strata cannot see is a part of
 * the contract it cannot check.
 */
final class EveritLoader {

    private EveritLoader() {
    }

    static Schema load(String label, JsonSchemaDraft draft, JsonNode tree, Map<String, String> imports) {
        Object json = tree.isBoolean() ? (Object) tree.booleanValue() : new JSONObject(tree.toString());
        SchemaLoader.SchemaLoaderBuilder builder = SchemaLoader.builder()
                .schemaClient(url -> {
                    throw new SchemaException("#", "$ref \"" + url + "\" is not in this document and was not supplied");
                });
        // everit reads up to draft-07; 2019-09 and 2020-12 are read with draft-07's rules, and the keywords
        // they added are compared by UnreadKeywords instead.
        switch (draft) {
            case DRAFT_4 -> {
            }
            case DRAFT_6 -> builder.draftV6Support();
            case DRAFT_7, DRAFT_2019_09, DRAFT_2020_12 -> builder.draftV7Support();
        }
        registerImports(label, tree, imports, builder);
        try {
            return builder.schemaJson(json).build().load().build();
        } catch (SchemaException e) {
            String at = e.getSchemaLocation() == null ? "" : e.getSchemaLocation().replaceFirst("^#", "");
            throw new StrataException(ErrorCode.BAD_INPUT, "schema \"" + label + "\", " + MetaSchemas.where(at)
                    + ": cannot be read: " + e.getMessage().replaceFirst("^#[^:]*: ", ""), e);
        } catch (RuntimeException e) {
            throw new StrataException(ErrorCode.BAD_INPUT, "schema \"" + label + "\": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Registers each external {@code $ref}'s document from {@code imports}; refuses one that is missing. */
    private static void registerImports(String label, JsonNode tree, Map<String, String> imports,
                                        SchemaLoader.SchemaLoaderBuilder builder) {
        URI base = base(tree);
        Set<String> internalIds = new HashSet<>();
        List<String[]> refs = new ArrayList<>();
        collect(tree, "", internalIds, refs);
        Set<URI> done = new HashSet<>();
        for (String[] ref : refs) {
            String target = ref[1];
            if (target.startsWith("#/") || target.equals("#")) {
                requireTarget(label, tree, ref[0], target);
                continue;
            }
            int hash = target.indexOf('#');
            String document = hash < 0 ? target : target.substring(0, hash);
            if (document.isEmpty() || internalIds.contains(document)) {
                continue;
            }
            URI uri = resolve(label, base, document, ref[0]);
            if (internalIds.contains(uri.toString()) || !done.add(uri)) {
                continue;
            }
            String text = imports.containsKey(document) ? imports.get(document) : imports.get(uri.toString());
            if (text == null) {
                throw StrataException.badInput("schema \"" + label + "\", at " + ref[0] + ": $ref \"" + target
                        + "\" points outside the document; Strata reads no remote schemas, so supply \"" + document
                        + "\" as an import or inline it under $defs/definitions");
            }
            builder.registerSchemaByURI(uri, new JSONObject(JsonText.read(document, text).toString()));
        }
    }

    /**
     * A local reference that points nowhere makes everit fail with a message about its own loader; the
     * reference and where it is are what the user needs.
     */
    private static void requireTarget(String label, JsonNode tree, String at, String target) {
        String pointer;
        try {
            pointer = new URI(target).getFragment();
        } catch (URISyntaxException e) {
            throw StrataException.badInput("schema \"" + label + "\", at " + at + ": $ref \"" + target
                    + "\" is not a valid URI: " + e.getReason());
        }
        if (pointer != null && !pointer.isEmpty() && tree.at(pointer).isMissingNode()) {
            throw StrataException.badInput("schema \"" + label + "\", at " + at + ": $ref \"" + target
                    + "\" points to nothing in this document");
        }
    }

    private static void collect(JsonNode node, String pointer, Set<String> ids, List<String[]> refs) {
        if (node.isObject()) {
            for (String idKeyword : List.of("$id", "id")) {
                JsonNode id = node.get(idKeyword);
                if (id != null && id.isTextual()) {
                    ids.add(id.textValue());
                }
            }
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(new String[] {pointer + "/$ref", ref.textValue()});
            }
            node.properties().forEach(e -> collect(e.getValue(), pointer + "/" + escape(e.getKey()), ids, refs));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, ids, refs);
            }
        }
    }

    private static URI base(JsonNode tree) {
        for (String idKeyword : List.of("$id", "id")) {
            JsonNode id = tree.isObject() ? tree.get(idKeyword) : null;
            if (id != null && id.isTextual()) {
                try {
                    return new URI(id.textValue());
                } catch (URISyntaxException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static URI resolve(String label, URI base, String document, String at) {
        try {
            URI uri = new URI(document);
            return base == null || uri.isAbsolute() ? uri : base.resolve(uri);
        } catch (URISyntaxException e) {
            throw StrataException.badInput("schema \"" + label + "\", at " + at + ": $ref \"" + document
                    + "\" is not a valid URI: " + e.getReason());
        }
    }

    /** JSON pointer escaping (RFC 6901): {@code ~} first, then {@code /}. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}

package io.strata.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.EnumType;
import io.strata.model.Schema;
import io.strata.model.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * ModelFiles reads and writes a {@link Catalog} as JSON or YAML: the format of {@code strata inspect
 * --format json} and of hand-written model files. Column types are written as the dialect writes
 * them ({@code "character varying(64)"}) and parsed back with {@link ColumnTypes}, so a model file
 * reads like DDL. Renames are declared with {@code renamedFrom} on a table, view or column.
 */
public final class ModelFiles {

    private static final String DIALECT = "strata.dialect";

    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private ModelFiles() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule types = new SimpleModule("strata-column-types");
        types.addSerializer(ColumnType.class, new JsonSerializer<>() {
            @Override
            public void serialize(ColumnType value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.sql());
            }
        });
        types.addDeserializer(ColumnType.class, new JsonDeserializer<>() {
            @Override
            public ColumnType deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                Object dialect = ctxt.getAttribute(DIALECT);
                return ColumnTypes.parse(dialect == null ? ColumnTypes.POSTGRES : dialect.toString(), p.getValueAsString());
            }
        });
        return mapper.registerModule(types)
                .addMixIn(Schema.class, SchemaName.class)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
                .enable(SerializationFeature.INDENT_OUTPUT)
                // Map.copyOf iterates in an order that changes between JVMs; digests of the JSON must not.
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A schema's name is written even when empty: a replayed MySQL file's schema names no database, and reads back so. */
    private abstract static class SchemaName {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract String name();
    }

    public static boolean isModelFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Reads a model file; a malformed one is a BAD_INPUT error naming the file, line and problem. */
    public static Catalog read(Path path) {
        ObjectMapper mapper = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        try {
            JsonNode tree = mapper.readTree(Files.readString(path));
            if (tree == null || !tree.isObject()) {
                throw StrataException.badInput("model file \"" + path + "\" is not an object with \"dialect\" and \"schemas\"");
            }
            String dialect = tree.path("dialect").asText(ColumnTypes.POSTGRES);
            Catalog catalog = mapper.readerFor(Catalog.class).withAttribute(DIALECT, dialect).readValue(tree);
            return resolveEnumReferences(catalog);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw StrataException.badInput("model file \"" + path + "\"" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw StrataException.badInput("cannot read model file \"" + path + "\": " + e.getMessage());
        }
    }

    /** A catalog from the JSON tree of a model (as {@link #toJson} writes one), e.g. inside a plan file. */
    public static Catalog fromTree(JsonNode tree) {
        try {
            String dialect = tree.path("dialect").asText(ColumnTypes.POSTGRES);
            return resolveEnumReferences(JSON.readerFor(Catalog.class).withAttribute(DIALECT, dialect).readValue(tree));
        } catch (IOException e) {
            throw StrataException.badInput("unreadable schema model: " + e.getMessage());
        }
    }

    /** The JSON tree of {@code value}, written as {@link #toJson} writes it. */
    public static JsonNode toTree(Object value) {
        return JSON.valueToTree(value);
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Text types that name an enum of the model ({@code status}, {@code public.status}) become enum references. */
    private static Catalog resolveEnumReferences(Catalog catalog) {
        return catalog.withSchemas(catalog.schemas().stream().map(s -> s.withTables(
                s.tables().stream().map(t -> resolve(t, catalog, s.name())).toList())).toList());
    }

    private static Table resolve(Table table, Catalog catalog, String schema) {
        List<Column> columns = table.columns().stream().map(c -> c.withType(resolve(c.type(), catalog, schema))).toList();
        return table.withColumns(columns);
    }

    private static ColumnType resolve(ColumnType type, Catalog catalog, String schema) {
        if (type instanceof ColumnType.ArrayType array) {
            return new ColumnType.ArrayType(resolve(array.element(), catalog, schema));
        }
        if (!(type instanceof ColumnType.OtherType other)) {
            return type;
        }
        String text = other.name().replace("\"", "");
        int dot = text.lastIndexOf('.');
        String enumSchema = dot < 0 ? schema : text.substring(0, dot);
        String enumName = dot < 0 ? text : text.substring(dot + 1);
        boolean known = catalog.schema(enumSchema).flatMap(s -> s.enumType(enumName)).map(EnumType::name).isPresent();
        return known ? new ColumnType.EnumRef(enumSchema, enumName) : type;
    }
}

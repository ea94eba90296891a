package io.strata.api;

import io.strata.security.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.strata.registry.RegisterRequest;
import io.strata.registry.Registration;
import io.strata.app.Registry;
import io.strata.registry.RegistryException;
import io.strata.registry.SubjectSettings;
import io.strata.registry.SubjectView;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.Finding;
import io.strata.model.SubjectFormat;
import io.strata.registry.SchemaVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ConfluentRoutes answers Confluent Schema Registry's REST API under {@code /ccompat}, with its paths,
 * response shapes, media type and error codes, so that Kafka serializers and tools written for it work
 * unchanged against Strata for Avro, JSON Schema and Protobuf subjects.
 */
final class ConfluentRoutes {

    static final String PREFIX = "/ccompat";
    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    private final Registry registry;
    private final ApiMetrics metrics;
    private final SubjectAccess access;

    ConfluentRoutes(Registry registry, ApiMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.access = new SubjectAccess(registry);
    }

    void register(RouteTable routes) {
        routes.get(PREFIX + "/subjects", Role.VIEWER, ctx -> reply(ctx, registry.subjects().list(JsonBodies.flag(ctx, "deleted")).stream()
                .filter(v -> v.subject().format() != SubjectFormat.SQL).map(v -> v.subject().name()).toList()));
        routes.get(PREFIX + "/subjects/{subject}/versions", Role.VIEWER, ctx -> reply(ctx, registry.schemas()
                .versions(ctx.pathParam("subject"), null, JsonBodies.flag(ctx, "deleted")).stream()
                .map(SchemaVersion::version).toList()));
        routes.post(PREFIX + "/subjects/{subject}/versions", Role.DEVELOPER, this::registerVersion);
        routes.get(PREFIX + "/subjects/{subject}/versions/{version}", Role.VIEWER, ctx -> reply(ctx, version(registry.schemas()
                .version(ctx.pathParam("subject"), null, ctx.pathParam("version"), JsonBodies.flag(ctx, "deleted")))));
        routes.get(PREFIX + "/subjects/{subject}/versions/{version}/schema", Role.VIEWER, ctx -> ctx.contentType(MEDIA_TYPE).result(
                registry.schemas().version(ctx.pathParam("subject"), null, ctx.pathParam("version"), false).schema()));
        routes.delete(PREFIX + "/subjects/{subject}/versions/{version}", Role.DEVELOPER, ctx -> reply(ctx, registry.subjects()
                .deleteVersion(changed(ctx), ctx.pathParam("version"), permanent(ctx),
                        Requests.actor(ctx)).version()));
        routes.post(PREFIX + "/subjects/{subject}", Role.VIEWER, this::lookup);
        routes.delete(PREFIX + "/subjects/{subject}", Role.DEVELOPER, ctx -> reply(ctx, registry.subjects().delete(changed(ctx),
                permanent(ctx), Requests.actor(ctx))));
        routes.get(PREFIX + "/schemas/ids/{id}", Role.VIEWER, ctx -> reply(ctx, schemaById(id(ctx))));
        routes.get(PREFIX + "/schemas/ids/{id}/schema", Role.VIEWER, ctx -> ctx.contentType(MEDIA_TYPE)
                .result(registry.schemas().byId(id(ctx)).schema()));
        routes.get(PREFIX + "/schemas/ids/{id}/versions", Role.VIEWER, ctx -> reply(ctx, registry.schemas().sameContent(id(ctx)).stream()
                .map(v -> Map.of("subject", v.subject(), "version", v.version())).toList()));
        routes.get(PREFIX + "/schemas/types", Role.VIEWER, ctx -> reply(ctx, List.of("JSON", "PROTOBUF", "AVRO")));
        routes.post(PREFIX + "/compatibility/subjects/{subject}/versions/{version}", Role.DEVELOPER, this::checkAgainstVersion);
        routes.post(PREFIX + "/compatibility/subjects/{subject}/versions", Role.DEVELOPER, this::checkAgainstSubject);
        routes.get(PREFIX + "/config", Role.VIEWER, ctx -> reply(ctx, Map.of("compatibilityLevel", registry.config().globalLevel().name())));
        routes.put(PREFIX + "/config", Role.ADMIN, ctx -> reply(ctx, Map.of("compatibility", registry.config()
                .setGlobalLevel(level(JsonBodies.object(ctx)), Requests.actor(ctx)).name())));
        routes.get(PREFIX + "/config/{subject}", Role.VIEWER, this::subjectConfig);
        routes.put(PREFIX + "/config/{subject}", Role.DEVELOPER, ctx -> {
            String level = level(JsonBodies.object(ctx));
            registry.subjects().update(changed(ctx), new SubjectSettings(level, null, null, null, null),
                    Requests.actor(ctx));
            reply(ctx, Map.of("compatibility", level.toUpperCase(Locale.ROOT)));
        });
        routes.delete(PREFIX + "/config/{subject}", Role.DEVELOPER, ctx -> {
            String subject = changed(ctx);
            String before = registry.subjects().get(subject).effectiveCompatibility();
            registry.subjects().update(subject, new SubjectSettings("DEFAULT", null, null, null, null), Requests.actor(ctx));
            reply(ctx, Map.of("compatibilityLevel", before));
        });
        routes.get(PREFIX + "/mode", Role.VIEWER, ctx -> reply(ctx, Map.of("mode", registry.config().mode(null))));
        routes.put(PREFIX + "/mode", Role.ADMIN, ctx -> reply(ctx, Map.of("mode", registry.config().setMode(null,
                JsonBodies.text(JsonBodies.object(ctx), "mode", true), Requests.actor(ctx)))));
        routes.get(PREFIX + "/mode/{subject}", Role.VIEWER, ctx -> reply(ctx, Map.of("mode", registry.config().mode(ctx.pathParam("subject")))));
        routes.put(PREFIX + "/mode/{subject}", Role.DEVELOPER, ctx -> reply(ctx, Map.of("mode", registry.config().setMode(changed(ctx),
                JsonBodies.text(JsonBodies.object(ctx), "mode", true), Requests.actor(ctx)))));
        routes.delete(PREFIX + "/mode/{subject}", Role.DEVELOPER, ctx -> reply(ctx, Map.of("mode",
                registry.config().deleteMode(changed(ctx), Requests.actor(ctx)))));
    }

    private void registerVersion(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        rejectReferences(body);
        try {
            String subject = ctx.pathParam("subject");
            String owner = SubjectAccess.ownerFor(ctx, access.requireTeam(ctx, subject).isEmpty(), null);
            Registration r = registry.register().run(new RegisterRequest(subject, null, schemaType(body),
                    null, JsonBodies.text(body, "schema", true), Requests.actor(ctx), null,
                    owner == null ? null : new SubjectSettings(null, owner, null, null, null)));
            metrics.registration(r.created() ? "created" : "existing");
            reply(ctx, Map.of("id", r.version().id()));
        } catch (io.strata.registry.IncompatibleSchemaException e) {
            metrics.registration("refused");
            throw e;
        }
    }

    /** The path's subject, once the caller is known to be allowed to change it. */
    private String changed(Context ctx) {
        String subject = ctx.pathParam("subject");
        access.requireTeam(ctx, subject);
        return subject;
    }

    /** Whether a delete is permanent, once the caller is known to be allowed to make it. */
    private static boolean permanent(Context ctx) {
        boolean permanent = JsonBodies.flag(ctx, "permanent");
        SubjectAccess.requireAdminFor(ctx, permanent);
        return permanent;
    }

    private void lookup(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String subject = ctx.pathParam("subject");
        SchemaVersion found = registry.schemas().lookup(subject, JsonBodies.text(body, "schema", true),
                JsonBodies.flag(ctx, "deleted")).orElseThrow(() -> new RegistryException(
                RegistryException.Reason.SCHEMA_NOT_FOUND, "schema not found under subject \"" + subject + "\""));
        reply(ctx, version(found));
    }

    private void checkAgainstVersion(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        CompatibilityResult result = registry.validate().againstVersion(changed(ctx), ctx.pathParam("version"),
                JsonBodies.text(body, "schema", true));
        reply(ctx, compatibility(ctx, result));
    }

    private void checkAgainstSubject(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        CompatibilityResult result = registry.validate().againstSubject(changed(ctx), null,
                JsonBodies.text(body, "schema", true), null);
        reply(ctx, compatibility(ctx, result));
    }

    private void subjectConfig(Context ctx) {
        String subject = ctx.pathParam("subject");
        SubjectView view = registry.subjects().get(subject);
        if (view.subject().compatibility() == null && !JsonBodies.flag(ctx, "defaultToGlobal")) {
            ApiErrors.handle(new ConfluentError(404, 40408, "subject \"" + subject
                    + "\" does not have subject-level compatibility configured"), ctx);
            return;
        }
        reply(ctx, Map.of("compatibilityLevel", view.effectiveCompatibility()));
    }

    private static Map<String, Object> compatibility(Context ctx, CompatibilityResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is_compatible", result.compatible());
        if (JsonBodies.flag(ctx, "verbose")) {
            json.put("messages", result.breaking().stream().map(ConfluentRoutes::message).toList());
        }
        return json;
    }

    private static String message(Finding f) {
        return f.code() + " at " + f.location() + ": " + f.message();
    }

    private Map<String, Object> version(SchemaVersion v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", v.subject());
        json.put("version", v.version());
        json.put("id", v.id());
        putType(json, v.subject());
        json.put("schema", v.schema());
        return json;
    }

    private Map<String, Object> schemaById(long id) {
        SchemaVersion v = registry.schemas().byId(id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", v.schema());
        putType(json, v.subject());
        return json;
    }

    /** Confluent leaves {@code schemaType} out for Avro, its default. */
    private void putType(Map<String, Object> json, String subject) {
        SubjectFormat format = registry.schemas().format(subject);
        if (format != SubjectFormat.AVRO) {
            json.put("schemaType", format.name());
        }
    }

    private static long id(Context ctx) {
        return Requests.pathLong(ctx, "id", () -> new RegistryException(RegistryException.Reason.SCHEMA_NOT_FOUND,
                "schema id \"" + ctx.pathParam("id") + "\" is not a number"));
    }

    private static SubjectFormat schemaType(ObjectNode body) {
        String type = JsonBodies.text(body, "schemaType", false);
        if (type == null) {
            // Confluent's default.
            return SubjectFormat.AVRO;
        }
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "AVRO" -> SubjectFormat.AVRO;
            case "JSON" -> SubjectFormat.JSON;
            case "PROTOBUF" -> SubjectFormat.PROTOBUF;
            default -> throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA, "schemaType \"" + type
                    + "\" is unknown (AVRO, JSON or PROTOBUF)");
        };
    }

    /** Schema references (imports across subjects) are not supported yet: refused rather than ignored. */
    private static void rejectReferences(ObjectNode body) {
        if (body.has("references") && body.get("references").isArray() && !body.get("references").isEmpty()) {
            throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA,
                    "schema references are not supported by this registry yet");
        }
    }

    private static String level(ObjectNode body) {
        return JsonBodies.text(body, "compatibility", true);
    }

    private static void reply(Context ctx, Object body) {
        Responses.json(ctx, 200, body, MEDIA_TYPE);
    }
}

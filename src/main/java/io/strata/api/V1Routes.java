package io.strata.api;

import io.strata.security.Role;
import io.strata.api.dto.AuditEventDto;
import io.strata.api.dto.BranchDto;
import io.strata.api.dto.ImpactDto;
import io.strata.api.dto.RegistrationDto;
import io.strata.api.dto.SubjectDto;
import io.strata.api.dto.ValidationReportDto;
import io.strata.api.dto.VersionDto;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.strata.compat.CompatibilityJson;
import io.strata.registry.RegisterRequest;
import io.strata.registry.Registration;
import io.strata.app.Registry;
import io.strata.registry.SubjectSettings;
import io.strata.registry.ValidateRequest;
import io.strata.registry.Validation;
import io.strata.audit.AuditEvent;
import io.strata.audit.AuditVerification;
import io.strata.model.SubjectFormat;
import io.strata.registry.ValidationReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * V1Routes is Strata's own REST API under {@code /api/v1} (seed 002's paths): a "schema" there is a
 * subject, addressed by its name; each route calls one use case of the {@link Registry}.
 */
final class V1Routes {

    static final String PREFIX = "/api/v1";

    private final Registry registry;
    private final ApiMetrics metrics;
    private final SubjectAccess access;

    V1Routes(Registry registry, ApiMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.access = new SubjectAccess(registry);
    }

    void register(RouteTable routes) {
        routes.get(PREFIX + "/schemas", Role.VIEWER, this::listSubjects);
        routes.post(PREFIX + "/schemas", Role.DEVELOPER, this::registerSchema);
        routes.get(PREFIX + "/schemas/{id}", Role.VIEWER, ctx -> Responses.json(ctx, 200, SubjectDto.of(registry.subjects().get(ctx.pathParam("id")))));
        routes.put(PREFIX + "/schemas/{id}", Role.DEVELOPER, this::updateSubject);
        routes.delete(PREFIX + "/schemas/{id}", Role.DEVELOPER, ctx -> {
            boolean permanent = changing(ctx, ctx.pathParam("id"));
            Responses.json(ctx, 200, Map.of("deleted", registry.subjects().delete(ctx.pathParam("id"), permanent, Requests.actor(ctx))));
        });
        routes.get(PREFIX + "/schemas/{id}/versions", Role.VIEWER, ctx -> Responses.json(ctx, 200, Map.of("versions",
                registry.schemas().versions(ctx.pathParam("id"), ctx.queryParam("branch"), JsonBodies.flag(ctx, "deleted"))
                        .stream().map(VersionDto::summary).toList())));
        routes.post(PREFIX + "/schemas/{id}/versions", Role.DEVELOPER, this::registerVersion);
        routes.get(PREFIX + "/schemas/{id}/versions/{version}", Role.VIEWER, ctx -> Responses.json(ctx, 200, VersionDto.withSchema(
                registry.schemas().version(ctx.pathParam("id"), ctx.queryParam("branch"), ctx.pathParam("version"),
                        JsonBodies.flag(ctx, "deleted")))));
        routes.delete(PREFIX + "/schemas/{id}/versions/{version}", Role.DEVELOPER, ctx -> {
            boolean permanent = changing(ctx, ctx.pathParam("id"));
            Responses.json(ctx, 200, VersionDto.summary(registry.subjects().deleteVersion(ctx.pathParam("id"),
                    ctx.pathParam("version"), permanent, Requests.actor(ctx))));
        });
        routes.get(PREFIX + "/schemas/{id}/impact", Role.VIEWER, ctx -> Responses.json(ctx, 200, ImpactDto.of(
                registry.impact().run(ctx.pathParam("id"), null, ctx.queryParam("version")))));
        routes.post(PREFIX + "/schemas/{id}/impact", Role.VIEWER, ctx -> Responses.json(ctx, 200, ImpactDto.of(registry.impact().run(
                ctx.pathParam("id"), JsonBodies.text(JsonBodies.object(ctx), "schema", true), null))));
        routes.get(PREFIX + "/schemas/{id}/branches", Role.VIEWER, ctx -> Responses.json(ctx, 200, Map.of("branches",
                registry.branches().list(ctx.pathParam("id")).stream().map(BranchDto::of).toList())));
        routes.post(PREFIX + "/schemas/{id}/branches", Role.DEVELOPER, this::forkBranch);
        routes.post(PREFIX + "/schemas/{id}/branches/{branch}/merge", Role.DEVELOPER, ctx -> respond(ctx, registry.merge().run(
                team(ctx, ctx.pathParam("id")),
                ctx.pathParam("branch"), ctx.body().isBlank() ? null : JsonBodies.text(JsonBodies.object(ctx), "message", false),
                Requests.actor(ctx))));
        routes.post(PREFIX + "/compatibility/validate", Role.DEVELOPER, this::validate);
        routes.get(PREFIX + "/compatibility/matrix", Role.VIEWER, this::matrix);
        routes.get(PREFIX + "/validation/reports", Role.VIEWER, this::reports);
        routes.get(PREFIX + "/audit", Role.VIEWER, this::audit);
        routes.get(PREFIX + "/audit/verify", Role.VIEWER, this::verifyAudit);
        routes.get(PREFIX + "/config", Role.VIEWER, ctx -> Responses.json(ctx, 200, Map.of("compatibility",
                registry.config().globalLevel().name(), "mode", registry.config().mode(null))));
        routes.put(PREFIX + "/config", Role.ADMIN, this::updateConfig);
    }

    private void listSubjects(Context ctx) {
        boolean deleted = JsonBodies.flag(ctx, "deleted");
        Responses.json(ctx, 200, Map.of("schemas", registry.subjects().list(deleted).stream().map(SubjectDto::of).toList()));
    }

    private void registerSchema(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String subject = JsonBodies.text(body, "subject", true);
        boolean newSubject = access.requireTeam(ctx, subject).isEmpty();
        respond(ctx, registry.register().run(request(ctx, body, subject, newSubject, true)));
    }

    private void registerVersion(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        respond(ctx, registry.register().run(request(ctx, body, team(ctx, ctx.pathParam("id")), false, false)));
    }

    /** @param newSubject whether the registration creates {@code subject}, which then gets its registrar's team */
    private RegisterRequest request(Context ctx, ObjectNode body, String subject, boolean newSubject, boolean withSettings) {
        return new RegisterRequest(subject, JsonBodies.text(body, "branch", false), format(body),
                JsonBodies.text(body, "dialect", false), JsonBodies.text(body, "schema", true), Requests.actor(ctx),
                JsonBodies.text(body, "message", false), withSettings ? settings(body, SubjectAccess.ownerFor(ctx, newSubject,
                        JsonBodies.text(body, "owner", false))) : null);
    }

    private void respond(Context ctx, Registration registration) {
        metrics.registration(registration.created() ? "created" : "existing");
        Responses.json(ctx, registration.created() ? 201 : 200, new RegistrationDto(VersionDto.summary(registration.version()),
                registration.created(), registration.check() == null ? null : CompatibilityJson.of(registration.check())));
    }

    private void updateSubject(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String subject = team(ctx, ctx.pathParam("id"));
        String owner = JsonBodies.text(body, "owner", false);
        Responses.json(ctx, 200, SubjectDto.of(registry.subjects().update(subject, settings(body,
                owner == null ? null : SubjectAccess.ownerFor(ctx, false, owner)), Requests.actor(ctx))));
    }

    private void forkBranch(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        Responses.json(ctx, 201, BranchDto.of(registry.branches().fork(team(ctx, ctx.pathParam("id")),
                JsonBodies.text(body, "name", true), JsonBodies.text(body, "from", false), Requests.actor(ctx))));
    }

    private void validate(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String subject = JsonBodies.text(body, "subject", false);
        if (subject != null) {
            team(ctx, subject);
        }
        ValidateRequest request = new ValidateRequest(subject, JsonBodies.text(body, "branch", false),
                JsonBodies.text(body, "schema", subject != null), format(body), JsonBodies.text(body, "dialect", false),
                JsonBodies.texts(body, "schemas"), JsonBodies.text(body, "level", false));
        Validation validation = registry.validate().run(request);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reportId", validation.reportId());
        json.put("subject", validation.subject());
        json.putAll(CompatibilityJson.of(validation.result()));
        Responses.json(ctx, 200, json);
    }

    private void matrix(Context ctx) {
        String subject = ctx.queryParam("subject");
        if (subject == null || subject.isBlank()) {
            throw ApiException.badRequest("query parameter \"subject\" is required");
        }
        Responses.json(ctx, 200, Map.of("subject", subject, "pairs", registry.validate().matrix(subject)));
    }

    private void reports(Context ctx) {
        List<ValidationReportDto> out = new ArrayList<>();
        for (ValidationReport r : registry.validate().reports(JsonBodies.longParam(ctx, "before", 0),
                (int) JsonBodies.longParam(ctx, "limit", 50))) {
            out.add(ValidationReportDto.of(r, JsonBodies.stored(r.body(), "report " + r.id())));
        }
        Responses.json(ctx, 200, Map.of("reports", out));
    }

    private void audit(Context ctx) {
        List<AuditEvent> events = registry.audit().page(JsonBodies.longParam(ctx, "after", 0),
                (int) JsonBodies.longParam(ctx, "limit", 100));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", events.stream().map(AuditEventDto::of).toList());
        json.put("next", events.isEmpty() ? null : events.get(events.size() - 1).seq());
        Responses.json(ctx, 200, json);
    }

    private void verifyAudit(Context ctx) {
        AuditVerification v = registry.audit().verify();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("intact", v.intact());
        json.put("checked", v.checked());
        json.put("firstBroken", v.intact() ? null : v.firstBroken());
        json.put("message", v.message());
        Responses.json(ctx, 200, json);
    }

    private void updateConfig(Context ctx) {
        ObjectNode body = JsonBodies.object(ctx);
        String level = JsonBodies.text(body, "compatibility", false);
        String mode = JsonBodies.text(body, "mode", false);
        if (level == null && mode == null) {
            throw ApiException.badRequest("give \"compatibility\" and/or \"mode\"");
        }
        registry.config().setGlobal(level, mode, Requests.actor(ctx));
        Responses.json(ctx, 200, Map.of("compatibility", registry.config().globalLevel().name(),
                "mode", registry.config().mode(null)));
    }

    private static SubjectFormat format(ObjectNode body) {
        String format = JsonBodies.text(body, "format", false);
        if (format == null) {
            return null;
        }
        try {
            return SubjectFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("format \"" + format + "\" is unknown (SQL, AVRO, JSON or PROTOBUF)");
        }
    }

    /** {@code subject}, once the caller is known to be allowed to change it. */
    private String team(Context ctx, String subject) {
        access.requireTeam(ctx, subject);
        return subject;
    }

    /** Whether a delete is permanent, once the caller is known to be allowed to make it. */
    private boolean changing(Context ctx, String subject) {
        access.requireTeam(ctx, subject);
        boolean permanent = JsonBodies.flag(ctx, "permanent");
        SubjectAccess.requireAdminFor(ctx, permanent);
        return permanent;
    }

    private static SubjectSettings settings(ObjectNode body, String owner) {
        List<ObjectNode> deps = JsonBodies.objects(body, "dependsOn");
        List<SubjectSettings.Dependency> dependsOn = deps == null ? null : deps.stream()
                .map(d -> new SubjectSettings.Dependency(JsonBodies.text(d, "subject", true), JsonBodies.text(d, "kind", false)))
                .toList();
        return new SubjectSettings(JsonBodies.text(body, "compatibility", false), owner,
                JsonBodies.text(body, "description", false), JsonBodies.texts(body, "tags"), dependsOn);
    }
}

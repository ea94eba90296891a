package io.strata.api;

import io.strata.registry.Impact;
import io.strata.registry.SubjectView;
import io.strata.audit.AuditEvent;
import io.strata.registry.Branch;
import io.strata.registry.Dependency;
import io.strata.registry.ValidationReport;
import io.strata.registry.Subject;
import io.strata.registry.SchemaVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ApiJson gives the JSON shapes of Strata's own API: subjects, versions, branches, audit events, reports.
 * The CLI prints audit events in the same shape when it reads the store directly.
 */
public final class ApiJson {

    private ApiJson() {
    }

    static Map<String, Object> subject(SubjectView view) {
        Subject s = view.subject();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.name());
        json.put("subject", s.name());
        json.put("format", s.format().name());
        json.put("dialect", s.dialect());
        json.put("compatibility", view.effectiveCompatibility());
        json.put("compatibilityOverride", s.compatibility());
        json.put("owner", s.owner());
        json.put("description", s.description());
        json.put("tags", s.tags());
        json.put("deleted", s.deleted());
        json.put("versions", view.liveVersions());
        json.put("latest", view.latest() == null ? null : version(view.latest(), true));
        json.put("dependsOn", view.dependsOn().stream().map(d -> dependency(d.upstream(), d)).toList());
        json.put("dependents", view.dependents().stream().map(d -> dependency(d.subject(), d)).toList());
        json.put("branches", view.branches().stream().map(ApiJson::branch).toList());
        json.put("createdAt", s.createdAt().toString());
        json.put("updatedAt", s.updatedAt().toString());
        return json;
    }

    private static Map<String, Object> dependency(String subject, Dependency d) {
        return Map.of("subject", subject, "kind", d.kind());
    }

    static Map<String, Object> version(SchemaVersion v, boolean withSchema) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id());
        json.put("subject", v.subject());
        json.put("branch", v.branch());
        json.put("version", v.version());
        json.put("semver", v.semver());
        json.put("fingerprint", v.fingerprint());
        json.put("author", v.author());
        json.put("message", v.message());
        json.put("deleted", v.deleted());
        json.put("createdAt", v.createdAt().toString());
        if (withSchema) {
            json.put("schema", v.schema());
            json.put("canonical", v.canonical());
        }
        return json;
    }

    static Map<String, Object> branch(Branch b) {
        return Map.of("name", b.name(), "baseVersion", b.baseVersion(), "state", b.state(), "createdAt", b.createdAt().toString());
    }

    public static Map<String, Object> audit(AuditEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", e.seq());
        json.put("at", e.at().toString());
        json.put("actor", e.actor());
        json.put("action", e.action());
        json.put("target", e.target());
        json.put("before", e.before());
        json.put("after", e.after());
        json.put("details", e.details());
        json.put("previousHash", e.previousHash());
        json.put("hash", e.hash());
        return json;
    }

    static Map<String, Object> report(ValidationReport r, Object body) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("subject", r.subject());
        json.put("level", r.level());
        json.put("compatible", r.compatible());
        json.put("createdAt", r.createdAt().toString());
        json.put("result", body);
        return json;
    }

    static Map<String, Object> impact(Impact impact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", impact.subject());
        json.put("from", impact.from());
        json.put("check", io.strata.compat.CompatibilityJson.of(impact.check()));
        json.put("readerBreaks", io.strata.compat.CompatibilityJson.findings(impact.readerBreaks()));
        json.put("downstream", impact.downstream().stream().map(d -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("subject", d.subject());
            item.put("kind", d.kind());
            item.put("path", d.path());
            item.put("breaks", d.breaks());
            item.put("reason", d.reason());
            return item;
        }).toList());
        return json;
    }

    static List<Map<String, Object>> versions(List<SchemaVersion> versions) {
        return versions.stream().map(v -> version(v, false)).toList();
    }
}

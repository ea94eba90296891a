package io.strata.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.compat.CompatibilityJson;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.Levels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ValidateCompatibility is the use case behind checking without registering: a schema against a subject,
 * or a list of schemas against each other. Each answer is kept as a validation report; nothing else is
 * written.
 */
public final class ValidateCompatibility {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryCore core;

    public ValidateCompatibility(RegistryCore core) {
        this.core = core;
    }

    public Validation run(ValidateRequest request) {
        CompatibilityResult result;
        if (request.subject() != null) {
            result = againstSubject(request.subject(), request.branch(), request.schema(), request.level());
        } else {
            result = amongSchemas(request);
        }
        return new Validation(saveReport(request.subject(), result), request.subject(), result);
    }

    /**
     * {@code schema} against the live versions of {@code subject}'s branch at {@code level} (null: the
     * subject's own); compatible when the subject has no version yet.
     */
    public CompatibilityResult againstSubject(String subject, String branch, String schema, String level) {
        String b = branch == null ? RegistryCore.MAIN : branch;
        record Lineage(Subject subject, List<SchemaVersion> versions, CompatibilityLevel level) {
        }
        Lineage lineage;
        if (RegistryCore.MAIN.equals(b)) {
            RegistryCore.SubjectState state = core.state(subject);
            lineage = new Lineage(state.subject(), state.main(), level == null ? state.level() : SubjectWrites.level(level));
        } else {
            lineage = core.store().transaction(tx -> {
                Subject s = RegistryCore.requireSubject(tx, subject);
                return new Lineage(s, RegistryCore.lineage(tx, s, b),
                        level == null ? RegistryCore.levelOf(tx, s) : SubjectWrites.level(level));
            });
        }
        ParsedSchema parsed = core.parser().parse(lineage.subject().format(), lineage.subject().dialect(), schema);
        if (lineage.versions().isEmpty()) {
            return new CompatibilityResult(lineage.level(), true, List.of());
        }
        List<SchemaVersion> needed = Levels.compared(lineage.level(), lineage.versions());
        List<SchemaChecks.Labelled> labelled = new ArrayList<>();
        for (SchemaVersion v : needed) {
            labelled.add(new SchemaChecks.Labelled(RegisterVersion.describe(v), core.parse(lineage.subject(), v)));
        }
        labelled.add(new SchemaChecks.Labelled("new schema", parsed));
        return SchemaChecks.check(lineage.level(), labelled);
    }

    /**
     * {@code schema} against one version of {@code subject} ({@code latest} or a number), in the directions
     * the subject's level asks, as Confluent's {@code /compatibility/subjects/{s}/versions/{v}} does.
     */
    public CompatibilityResult againstVersion(String subject, String version, String schema) {
        RegistryCore.SubjectState state = core.state(subject);
        record Target(Subject subject, SchemaVersion version, CompatibilityLevel level) {
        }
        Target target = new Target(state.subject(), VersionLookup.find(state.subject(), state.main(), RegistryCore.MAIN, version),
                state.level());
        ParsedSchema parsed = core.parser().parse(target.subject().format(), target.subject().dialect(), schema);
        CompatibilityLevel level = Levels.againstOneVersion(target.level());
        return SchemaChecks.check(level, List.of(new SchemaChecks.Labelled(RegisterVersion.describe(target.version()),
                core.parse(target.subject(), target.version())), new SchemaChecks.Labelled("new schema", parsed)));
    }

    /**
     * What version {@code version} of {@code subject} breaks for applications still on the live version before
     * it (old readers and old writers: the BACKWARD roles); empty for a first version.
     */
    public List<io.strata.compat.Finding> breaksOlderClients(String subject, int version) {
        RegistryCore.SubjectState state = core.state(subject);
        SchemaVersion target = VersionLookup.find(state.subject(), state.main(), RegistryCore.MAIN, Integer.toString(version));
        SchemaVersion previous = state.main().stream().filter(v -> v.version() < version).reduce((a, b) -> b).orElse(null);
        if (previous == null) {
            return List.of();
        }
        return SchemaChecks.check(CompatibilityLevel.BACKWARD, List.of(
                new SchemaChecks.Labelled(RegisterVersion.describe(previous), core.parse(state.subject(), previous)),
                new SchemaChecks.Labelled(RegisterVersion.describe(target), core.parse(state.subject(), target)))).breaking();
    }

    private CompatibilityResult amongSchemas(ValidateRequest request) {
        if (request.format() == null) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                    "give a subject, or a format (SQL, AVRO, JSON, PROTOBUF) with the schemas to compare");
        }
        if (request.schemas() == null || request.schemas().size() < 2) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                    "schemas needs at least two schemas, oldest first");
        }
        CompatibilityLevel level = request.level() == null ? CompatibilityLevel.BACKWARD : SubjectWrites.level(request.level());
        List<SchemaChecks.Labelled> labelled = new ArrayList<>();
        for (int i = 0; i < request.schemas().size(); i++) {
            labelled.add(new SchemaChecks.Labelled("schemas[" + i + "]",
                    core.parser().parse(request.format(), request.dialect(), request.schemas().get(i))));
        }
        return SchemaChecks.check(level, labelled);
    }

    private long saveReport(String subject, CompatibilityResult result) {
        String body;
        try {
            body = JSON.writeValueAsString(CompatibilityJson.of(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result is plain data", e);
        }
        return core.store().transaction(tx -> {
            long id = tx.nextRowId();
            tx.reports().insert(new ValidationReport(id, subject, result.level().name(), result.compatible(), body, Instant.now()));
            return id;
        });
    }

    /** Reports newest first, before {@code beforeId} (0: from the newest). */
    public List<ValidationReport> reports(long beforeId, int limit) {
        return core.store().transaction(tx -> tx.reports().before(beforeId, Math.max(1, Math.min(limit, 500))));
    }

    /**
     * Which live version of {@code subject} is compatible with which: for every pair (older, newer), whether
     * the newer is BACKWARD, FORWARD and FULL compatible with the older.
     */
    public List<Map<String, Object>> matrix(String subject) {
        record Versions(Subject subject, List<SchemaVersion> versions) {
        }
        Versions found = core.store().transaction(tx -> {
            Subject s = RegistryCore.requireSubject(tx, subject);
            return new Versions(s, tx.versions().of(s.id(), RegistryCore.MAIN, false));
        });
        List<SchemaChecks.Labelled> parsed = found.versions().stream().map(v -> new SchemaChecks.Labelled(
                RegisterVersion.describe(v), core.parse(found.subject(), v))).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            for (int j = i + 1; j < parsed.size(); j++) {
                List<SchemaChecks.Labelled> pair = List.of(parsed.get(i), parsed.get(j));
                boolean backward = SchemaChecks.check(CompatibilityLevel.BACKWARD, pair).compatible();
                boolean forward = SchemaChecks.check(CompatibilityLevel.FORWARD, pair).compatible();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", found.versions().get(i).version());
                row.put("to", found.versions().get(j).version());
                row.put("BACKWARD", backward);
                row.put("FORWARD", forward);
                row.put("FULL", backward && forward);
                rows.add(row);
            }
        }
        return rows;
    }
}

package io.strata.registry;

import io.strata.compat.CompatibilityLevel;
import io.strata.model.SubjectFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** SubjectWrites creates subjects and applies requested settings to them, auditing each change. */
final class SubjectWrites {

    private static final Set<String> KINDS = Set.of("READS", "DERIVES_FROM");

    private SubjectWrites() {
    }

    static Subject create(RegistryTransaction tx, String name, SubjectFormat format, String dialect,
                                SubjectSettings settings, String actor) {
        if (format == null) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "subject \"" + name
                    + "\" is new: its format (SQL, AVRO, JSON or PROTOBUF) is required");
        }
        Instant now = Instant.now();
        String sqlDialect = format == SubjectFormat.SQL ? (dialect == null ? "postgres" : dialect.toLowerCase(Locale.ROOT)) : null;
        if (sqlDialect != null && !Set.of("postgres", "mysql").contains(sqlDialect)) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                    "unknown dialect \"" + dialect + "\" (known: postgres, mysql)");
        }
        Subject subject = new Subject(tx.nextRowId(), Names.subject(name), format, sqlDialect, null, null, null,
                List.of(), false, now, now);
        tx.subjects().insert(subject);
        tx.audit().append(actor, "subject.created", "subject/" + name, null, null, AuditDetails.of("format", format.name(),
                "dialect", sqlDialect));
        return apply(tx, subject, settings, actor);
    }

    /** {@code subject} with {@code settings} applied and stored; unchanged (and not audited) when they change nothing. */
    static Subject apply(RegistryTransaction tx, Subject subject, SubjectSettings settings, String actor) {
        check(settings);
        String level = subject.compatibility();
        if (settings.compatibility() != null) {
            level = "DEFAULT".equalsIgnoreCase(settings.compatibility()) ? null : level(settings.compatibility()).name();
        }
        Subject updated = new Subject(subject.id(), subject.name(), subject.format(), subject.dialect(), level,
                settings.owner() != null ? settings.owner() : subject.owner(),
                settings.description() != null ? settings.description() : subject.description(),
                settings.tags() != null ? settings.tags() : subject.tags(), subject.deleted(), subject.createdAt(),
                Instant.now());
        boolean changed = !sameSettings(subject, updated);
        if (changed) {
            tx.subjects().update(updated);
            tx.audit().append(actor, "subject.updated", "subject/" + subject.name(), null, null, AuditDetails.of(
                    "compatibility", level, "owner", updated.owner(), "description", updated.description(),
                    "tags", updated.tags()));
        }
        if (settings.dependsOn() != null) {
            replaceDependencies(tx, updated, settings.dependsOn(), actor);
        }
        return updated;
    }

    /** Refuses settings the store cannot hold as given: over its column sizes, or tags that would not read back. */
    static void check(SubjectSettings settings) {
        Names.limit("owner", settings.owner(), 255);
        Names.limit("description", settings.description(), 4000);
        if (settings.tags() != null) {
            for (String tag : settings.tags()) {
                if (tag == null || tag.isBlank() || tag.chars().anyMatch(Character::isISOControl)) {
                    throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                            "a tag must be non-blank text without control characters");
                }
                Names.limit("a tag", tag, 255);
            }
            // Stored one per line in one column.
            Names.limit("tags", String.join("\n", settings.tags()), 4000);
        }
    }

    static CompatibilityLevel level(String name) {
        try {
            return CompatibilityLevel.parse(name);
        } catch (RuntimeException e) {
            throw new RegistryException(RegistryException.Reason.INVALID_LEVEL, e.getMessage());
        }
    }

    private static boolean sameSettings(Subject a, Subject b) {
        return java.util.Objects.equals(a.compatibility(), b.compatibility()) && java.util.Objects.equals(a.owner(), b.owner())
                && java.util.Objects.equals(a.description(), b.description()) && a.tags().equals(b.tags());
    }

    private static void replaceDependencies(RegistryTransaction tx, Subject subject,
                                            List<SubjectSettings.Dependency> dependsOn, String actor) {
        List<Long> ids = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (SubjectSettings.Dependency d : dependsOn) {
            String kind = d.kind() == null ? "READS" : d.kind().toUpperCase(Locale.ROOT).replace('-', '_');
            if (!KINDS.contains(kind)) {
                throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "dependency kind \"" + d.kind()
                        + "\" is unknown (READS or DERIVES_FROM)");
            }
            Subject upstream = RegistryCore.requireSubject(tx, d.subject() == null ? "" : d.subject());
            if (upstream.id() == subject.id()) {
                throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                        "subject \"" + subject.name() + "\" cannot depend on itself");
            }
            if (ids.contains(upstream.id())) {
                throw new RegistryException(RegistryException.Reason.INVALID_REQUEST,
                        "subject \"" + upstream.name() + "\" is listed twice in dependsOn");
            }
            ids.add(upstream.id());
            kinds.add(kind);
        }
        tx.dependencies().replace(subject.id(), ids, kinds);
        tx.audit().append(actor, "subject.dependencies", "subject/" + subject.name(), null, null,
                AuditDetails.of("dependsOn", dependsOn.stream().map(d -> d.subject()).toList()));
    }
}

package io.strata.registry;

import io.strata.audit.EventNames;
import io.strata.audit.EventSink;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.Levels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RegisterVersion is the use case behind registering a schema: validate and canonicalize it (before the
 * transaction: parsing may replay SQL), then in one transaction find or create the subject, return the
 * existing version when the schema is already live, else check it at the subject's level, number it, give
 * it a semantic version and record the audit event. A refusal or an error leaves the store as it was.
 */
public final class RegisterVersion {

    private final RegistryCore core;
    private final EventSink events;

    public RegisterVersion(RegistryCore core) {
        this(core, EventSink.NONE);
    }

    /** Raises {@code schema.registered} and {@code compatibility.failed} on {@code events}, after the transaction. */
    public RegisterVersion(RegistryCore core, EventSink events) {
        this.core = core;
        this.events = events;
    }

    /** Work that must commit or roll back with a registration (a merge marks its branch merged). */
    @FunctionalInterface
    public interface InSameTransaction {
        void run(RegistryTransaction tx, Registration registration, SchemaVersion previous);
    }

    public Registration run(RegisterRequest request) {
        return run(request, (tx, registration, previous) -> {
        });
    }

    public Registration run(RegisterRequest request, InSameTransaction alsoDo) {
        String name = Names.subject(request.subject());
        String branch = Names.branch(request.branch());
        Names.limit("message", request.message(), 4000);
        SubjectWrites.check(request.settings());
        Optional<Subject> existing = core.store().transaction(tx -> tx.subjects().byName(name));
        var format = existing.map(Subject::format).orElse(request.format());
        if (format == null) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "subject \"" + name
                    + "\" is new: its format (SQL, AVRO, JSON or PROTOBUF) is required");
        }
        if (existing.isPresent() && request.format() != null && request.format() != format) {
            throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA, "subject \"" + name + "\" holds "
                    + format + " schemas, not " + request.format());
        }
        String dialect = existing.map(Subject::dialect).orElse(request.dialect());
        // Parsed outside the transaction: a SQL schema is replayed on a scratch database first.
        ParsedSchema parsed = core.parser().parse(format, dialect, request.schema());
        Registration registration;
        try {
            registration = core.store().transaction(tx -> register(tx, request, name, branch, parsed, alsoDo));
        } catch (IncompatibleSchemaException refused) {
            events.publish(EventNames.COMPATIBILITY_FAILED, RegistryEvents.incompatible(name, branch, refused.result()));
            throw refused;
        }
        if (registration.created()) {
            core.changed();
            events.publish(EventNames.SCHEMA_REGISTERED, RegistryEvents.registered(registration.version()));
        }
        return registration;
    }

    private Registration register(RegistryTransaction tx, RegisterRequest request, String name, String branch,
                                  ParsedSchema parsed, InSameTransaction alsoDo) {
        tx.lockForWrite();
        Modes.requireWritable(tx, name);
        Optional<Subject> found = tx.subjects().byName(name);
        Subject subject = found.isPresent() ? found.get()
                : SubjectWrites.create(tx, name, parsed.format(), parsed.dialect(), request.settings(), request.author());
        if (subject.format() != parsed.format()) {
            throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA, "subject \"" + name + "\" holds "
                    + subject.format() + " schemas, not " + parsed.format());
        }
        if (subject.deleted()) {
            subject = revive(tx, subject, request.author());
        }
        List<VersionKey> lineage = RegistryCore.lineageKeys(tx, subject, branch);
        if (!RegistryCore.MAIN.equals(branch) && !"OPEN".equals(tx.branches().find(subject.id(), branch).orElseThrow().state())) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "branch \"" + branch + "\" of subject \""
                    + name + "\" is merged; fork a new branch");
        }
        Optional<VersionKey> same = lineage.stream().filter(v -> v.fingerprint().equals(parsed.fingerprint()))
                .filter(v -> v.branch().equals(branch)).findFirst();
        SchemaVersion previous = lineage.isEmpty() ? null : RegistryCore.load(tx, lineage.get(lineage.size() - 1));
        if (same.isPresent()) {
            Registration existing = new Registration(RegistryCore.load(tx, same.get()), false, null);
            alsoDo.run(tx, existing, previous);
            return existing;
        }
        CompatibilityResult check = null;
        String semver = SemanticVersion.FIRST.toString();
        if (previous != null) {
            CompatibilityLevel level = RegistryCore.levelOf(tx, subject);
            // Only what the level compares is loaded: the latest alone is loaded already; more is the whole
            // lineage, read in two queries rather than one per version.
            List<SchemaVersion> needed = Levels.compared(level, lineage).size() == 1 ? List.of(previous)
                    : RegistryCore.lineage(tx, subject, branch);
            check = SchemaChecks.check(level, labelled(subject, needed, parsed));
            if (!check.compatible()) {
                throw new IncompatibleSchemaException("schema is not " + level + " compatible with " + describe(previous)
                        + " of subject \"" + name + "\": " + check.breaking().size() + " breaking change(s)", check);
            }
            SemanticVersion.Bump bump = SchemaChecks.bump(core.parse(subject, previous), parsed);
            semver = SemanticVersion.parse(previous.semver()).next(bump).toString();
        }
        SchemaVersion version = new SchemaVersion(tx.nextId(), subject.id(), name, branch,
                tx.versions().lastNumber(subject.id(), branch) + 1, semver, parsed.fingerprint(), parsed.text(),
                parsed.canonical(), request.author(), request.message(), false, Instant.now());
        tx.versions().insert(version);
        tx.audit().append(request.author(), "version.registered", "subject/" + name + "/" + branch + "/" + version.version(),
                previous == null ? null : previous.fingerprint(), version.fingerprint(),
                AuditDetails.of("id", version.id(), "semver", semver, "message", request.message()));
        Registration registration = new Registration(version, true, check);
        alsoDo.run(tx, registration, previous);
        return registration;
    }

    private Subject revive(RegistryTransaction tx, Subject subject, String actor) {
        Subject revived = new Subject(subject.id(), subject.name(), subject.format(), subject.dialect(),
                subject.compatibility(), subject.owner(), subject.description(), subject.tags(), false,
                subject.createdAt(), Instant.now());
        tx.subjects().update(revived);
        tx.audit().append(actor, "subject.restored", "subject/" + subject.name(), null, null, null);
        return revived;
    }

    private List<SchemaChecks.Labelled> labelled(Subject subject, List<SchemaVersion> lineage, ParsedSchema next) {
        List<SchemaChecks.Labelled> out = new ArrayList<>();
        for (SchemaVersion v : lineage) {
            out.add(new SchemaChecks.Labelled(describe(v), core.parse(subject, v)));
        }
        out.add(new SchemaChecks.Labelled("new schema", next));
        return out;
    }

    static String describe(SchemaVersion v) {
        return RegistryCore.MAIN.equals(v.branch()) ? "version " + v.version() : "version " + v.version() + " of branch " + v.branch();
    }
}

package io.strata.registry;


import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SubjectAdmin is the use case behind reading, updating and deleting subjects and their versions. Deleting
 * is soft first (the versions stay readable by id, as Kafka consumers need) and hard only after that, and
 * never while another subject declares it depends on this one.
 */
public final class SubjectAdmin {

    private final RegistryCore core;

    public SubjectAdmin(RegistryCore core) {
        this.core = core;
    }

    public List<SubjectView> list(boolean includeDeleted) {
        return core.store().transaction(tx -> {
            List<Dependency> dependencies = tx.dependencies().all();
            List<SubjectView> out = new ArrayList<>();
            for (Subject s : tx.subjects().all(includeDeleted)) {
                out.add(view(tx, s, dependencies));
            }
            return out;
        });
    }

    /** Subject {@code name}, deleted or not, if it exists. */
    public java.util.Optional<Subject> find(String name) {
        return core.store().transaction(tx -> tx.subjects().byName(name));
    }

    public SubjectView get(String name) {
        return core.subjectView(name, n -> core.store().transaction(tx -> view(tx, RegistryCore.requireSubject(tx, n),
                tx.dependencies().all())));
    }

    public SubjectView update(String name, SubjectSettings settings, String actor) {
        SubjectView view = core.store().transaction(tx -> {
            tx.lockForWrite();
            Modes.requireWritable(tx, name);
            Subject updated = SubjectWrites.apply(tx, RegistryCore.requireSubject(tx, name), settings, actor);
            return view(tx, updated, tx.dependencies().all());
        });
        core.changed();
        return view;
    }

    /** Deletes a subject: soft (every version), or hard after a soft delete; the numbers of the versions deleted. */
    public List<Integer> delete(String name, boolean permanent, String actor) {
        List<Integer> deleted = core.store().transaction(tx -> {
            tx.lockForWrite();
            Modes.requireWritable(tx, name);
            Subject subject = RegistryCore.requireSubject(tx, name);
            List<SchemaVersion> versions = tx.versions().of(subject.id(), RegistryCore.MAIN, true);
            if (!permanent) {
                if (subject.deleted()) {
                    throw new RegistryException(RegistryException.Reason.SUBJECT_SOFT_DELETED, "subject \"" + name
                            + "\" is already soft-deleted; delete it with permanent=true to remove it");
                }
                List<Integer> numbers = new ArrayList<>();
                for (SchemaVersion v : versions) {
                    if (!v.deleted()) {
                        tx.versions().setDeleted(v.id(), true);
                        numbers.add(v.version());
                    }
                }
                tx.subjects().update(withDeleted(subject, true));
                tx.audit().append(actor, "subject.deleted", "subject/" + name, null, null, AuditDetails.of("versions", numbers));
                return numbers;
            }
            if (!subject.deleted()) {
                throw new RegistryException(RegistryException.Reason.NOT_SOFT_DELETED, "subject \"" + name
                        + "\" must be soft-deleted before it is deleted permanently");
            }
            List<String> dependents = tx.dependencies().all().stream().filter(d -> d.upstream().equals(name))
                    .map(Dependency::subject).toList();
            if (!dependents.isEmpty()) {
                throw new RegistryException(RegistryException.Reason.REFERENCED, "subject \"" + name
                        + "\" cannot be deleted permanently: " + String.join(", ", dependents) + " depend on it", dependents);
            }
            tx.subjects().deleteRows(subject.id());
            tx.configs().countPurge();
            tx.audit().append(actor, "subject.purged", "subject/" + name, null, null,
                    AuditDetails.of("versions", versions.stream().map(SchemaVersion::version).toList()));
            return versions.stream().map(SchemaVersion::version).toList();
        });
        core.deleted();
        return deleted;
    }

    /** Deletes one version of main: soft, or hard after a soft delete. */
    public SchemaVersion deleteVersion(String name, String version, boolean permanent, String actor) {
        SchemaVersion result = core.store().transaction(tx -> {
            tx.lockForWrite();
            Modes.requireWritable(tx, name);
            Subject subject = RegistryCore.requireSubject(tx, name);
            SchemaVersion v = VersionLookup.find(tx, subject, RegistryCore.MAIN, version, true);
            String target = "subject/" + name + "/main/" + v.version();
            if (!permanent) {
                if (v.deleted()) {
                    throw new RegistryException(RegistryException.Reason.VERSION_SOFT_DELETED, "version " + v.version()
                            + " of subject \"" + name + "\" is already soft-deleted");
                }
                tx.versions().setDeleted(v.id(), true);
                tx.audit().append(actor, "version.deleted", target, v.fingerprint(), null, null);
                return v;
            }
            if (!v.deleted()) {
                throw new RegistryException(RegistryException.Reason.VERSION_NOT_SOFT_DELETED, "version " + v.version()
                        + " of subject \"" + name + "\" must be soft-deleted before it is deleted permanently");
            }
            tx.versions().deleteRow(v.id());
            tx.configs().countPurge();
            tx.audit().append(actor, "version.purged", target, v.fingerprint(), null, null);
            return v;
        });
        core.deleted();
        return result;
    }

    private static Subject withDeleted(Subject s, boolean deleted) {
        return new Subject(s.id(), s.name(), s.format(), s.dialect(), s.compatibility(), s.owner(), s.description(),
                s.tags(), deleted, s.createdAt(), Instant.now());
    }

    private static SubjectView view(RegistryTransaction tx, Subject s, List<Dependency> dependencies) {
        List<SchemaVersion> live = tx.versions().of(s.id(), RegistryCore.MAIN, false);
        return new SubjectView(s, RegistryCore.levelOf(tx, s).name(), live.isEmpty() ? null : live.get(live.size() - 1),
                live.size(), dependencies.stream().filter(d -> d.subject().equals(s.name())).toList(),
                dependencies.stream().filter(d -> d.upstream().equals(s.name())).toList(), tx.branches().of(s.id()));
    }
}

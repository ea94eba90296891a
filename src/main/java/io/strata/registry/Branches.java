package io.strata.registry;


import java.time.Instant;
import java.util.List;

/**
 * Branches is the use case behind forking a subject at a version; versions registered on a branch are
 * checked against the branch's own history (see {@link RegistryCore#lineage}).
 */
public final class Branches {

    private final RegistryCore core;

    public Branches(RegistryCore core) {
        this.core = core;
    }

    /** Forks {@code subject} at {@code fromVersion} of main ({@code latest} when null). */
    public Branch fork(String subject, String name, String fromVersion, String actor) {
        String branch = Names.branch(name);
        if (RegistryCore.MAIN.equals(branch)) {
            throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "\"main\" is the subject's main line, not a branch name");
        }
        Branch forked = core.store().transaction(tx -> {
            tx.lockForWrite();
            Modes.requireWritable(tx, subject);
            Subject s = RegistryCore.requireSubject(tx, subject);
            if (tx.branches().find(s.id(), branch).isPresent()) {
                throw new RegistryException(RegistryException.Reason.EXISTS, "subject \"" + subject
                        + "\" already has a branch \"" + branch + "\"");
            }
            SchemaVersion base = VersionLookup.find(tx, s, RegistryCore.MAIN, fromVersion == null ? "latest" : fromVersion, false);
            Branch created = new Branch(s.id(), branch, base.version(), "OPEN", Instant.now());
            tx.branches().insert(created);
            tx.audit().append(actor, "branch.created", "subject/" + subject + "/" + branch, null, base.fingerprint(),
                    AuditDetails.of("from", base.version()));
            return created;
        });
        core.changed();
        return forked;
    }

    public List<Branch> list(String subject) {
        return core.store().transaction(tx -> tx.branches().of(RegistryCore.requireSubject(tx, subject).id()));
    }
}

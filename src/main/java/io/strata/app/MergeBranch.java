package io.strata.app;

import io.strata.registry.AuditDetails;
import io.strata.registry.RegisterRequest;
import io.strata.registry.RegisterVersion;
import io.strata.registry.Registration;
import io.strata.registry.RegistryCore;
import io.strata.registry.RegistryException;
import io.strata.registry.Branch;
import io.strata.registry.Subject;
import io.strata.registry.SchemaVersion;
import io.strata.registry.VersionLookup;
import io.strata.merge.MergeInput;
import io.strata.merge.MergeOutcome;
import io.strata.merge.SchemaMerge;
import io.strata.model.SubjectFormat;

import java.util.List;

/**
 * MergeBranch is the use case behind merging a branch back into its subject's main line: a three-way merge
 * of the fork point, main's head and the branch's head ({@link SchemaMerge}); conflicts are refused object by
 * object; the merged schema is registered on main like any version, so it is checked at main's level, and
 * the branch is marked merged in the same transaction.
 */
public final class MergeBranch {

    private final RegistryCore core;
    private final RegisterVersion register;

    public MergeBranch(RegistryCore core, RegisterVersion register) {
        this.core = core;
        this.register = register;
    }

    public Registration run(String subject, String branch, String message, String actor) {
        record Sides(Subject subject, SchemaVersion base, SchemaVersion ours, SchemaVersion theirs) {
        }
        Sides sides = core.store().transaction(tx -> {
            Subject s = RegistryCore.requireSubject(tx, subject);
            Branch b = tx.branches().find(s.id(), branch).orElseThrow(() -> new RegistryException(
                    RegistryException.Reason.BRANCH_NOT_FOUND, "subject \"" + subject + "\" has no branch \"" + branch + "\""));
            if (!"OPEN".equals(b.state())) {
                throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "branch \"" + branch + "\" is already merged");
            }
            List<SchemaVersion> onBranch = tx.versions().of(s.id(), branch, false);
            if (onBranch.isEmpty()) {
                throw new RegistryException(RegistryException.Reason.INVALID_REQUEST, "branch \"" + branch
                        + "\" has no version to merge");
            }
            SchemaVersion base = VersionLookup.find(tx, s, RegistryCore.MAIN, Integer.toString(b.baseVersion()), true);
            SchemaVersion ours = VersionLookup.find(tx, s, RegistryCore.MAIN, "latest", false);
            return new Sides(s, base, ours, onBranch.get(onBranch.size() - 1));
        });
        String merged = mergedText(sides.subject(), sides.base(), sides.ours(), sides.theirs());
        long expectedHead = sides.ours().id();
        String note = message != null ? message : "merge branch " + branch + " (version " + sides.theirs().version() + ")";
        return register.run(new RegisterRequest(subject, RegistryCore.MAIN, null, null, merged, actor, note, null),
                (tx, registration, previous) -> {
                    if (previous == null || previous.id() != expectedHead) {
                        throw new RegistryException(RegistryException.Reason.MERGE_CONFLICT, "main of subject \"" + subject
                                + "\" changed during the merge; merge again");
                    }
                    tx.branches().setState(sides.subject().id(), branch, "MERGED");
                    tx.audit().append(actor, "branch.merged", "subject/" + subject + "/" + branch, sides.theirs().fingerprint(),
                            registration.version().fingerprint(), AuditDetails.of("into", registration.version().version()));
                });
    }

    /** Main untouched since the fork: the branch's head is the result; otherwise the three-way merge's. */
    private String mergedText(Subject subject, SchemaVersion base, SchemaVersion ours, SchemaVersion theirs) {
        if (ours.id() == base.id()) {
            return theirs.schema();
        }
        MergeOutcome outcome = SchemaMerge.merge(subject.format(), input(subject, base), input(subject, ours),
                input(subject, theirs));
        if (outcome instanceof MergeOutcome.Conflicted conflicted) {
            throw new RegistryException(RegistryException.Reason.MERGE_CONFLICT, conflicted.conflicts().size()
                    + " conflict(s) merging branch into main of subject \"" + subject.name() + "\": "
                    + String.join(", ", conflicted.conflicts().stream().map(c -> c.object()).toList()), conflicted.conflicts());
        }
        return ((MergeOutcome.Merged) outcome).text();
    }

    private MergeInput input(Subject subject, SchemaVersion version) {
        if (subject.format() == SubjectFormat.SQL) {
            return new MergeInput.Relational(core.parse(subject, version).catalog(), subject.dialect());
        }
        return new MergeInput.Text(version.schema(), java.util.Map.of());
    }
}

package io.strata.registry;


import java.util.List;
import java.util.Optional;

/** SchemaQueries is the use case behind reading versions: by subject and number, by global id, by content. */
public final class SchemaQueries {

    private final RegistryCore core;

    public SchemaQueries(RegistryCore core) {
        this.core = core;
    }

    /** A version by global id (soft-deleted ones too: consumers still read data written with them). */
    public SchemaVersion byId(long id) {
        return core.versionById(id).orElseThrow(() -> new RegistryException(RegistryException.Reason.SCHEMA_NOT_FOUND,
                "no schema has id " + id));
    }

    /**
     * The relational model of version {@code version} of a SQL subject as a server of {@code serverVersion} prints it
     * (empty: as registered): what an environment of that version is compared with and migrated to.
     */
    public ReplayedSchema catalogFor(String subject, int version, String serverVersion) {
        RegistryCore.SubjectState state = core.state(subject);
        SchemaVersion v = version(subject, null, Integer.toString(version), true);
        return core.parser().parseFor(state.subject().dialect(), v.schema(), serverVersion, subject + "@" + version);
    }

    /** The format of {@code subject}'s versions. */
    public io.strata.model.SubjectFormat format(String subject) {
        return core.format(subject);
    }

    /** Every live version, across subjects, with the same canonical schema as version {@code id}. */
    public List<SchemaVersion> sameContent(long id) {
        SchemaVersion v = byId(id);
        return core.store().transaction(tx -> tx.versions().byFingerprint(v.fingerprint())).stream()
                .filter(other -> !other.deleted() || other.id() == id).toList();
    }

    public List<SchemaVersion> versions(String subject, String branch, boolean includeDeleted) {
        return core.store().transaction(tx -> {
            Subject s = RegistryCore.requireSubject(tx, subject);
            if (s.deleted() && !includeDeleted) {
                throw new RegistryException(RegistryException.Reason.SUBJECT_NOT_FOUND, "subject \"" + subject
                        + "\" was deleted");
            }
            String b = branch == null ? RegistryCore.MAIN : branch;
            if (!RegistryCore.MAIN.equals(b) && tx.branches().find(s.id(), b).isEmpty()) {
                throw new RegistryException(RegistryException.Reason.BRANCH_NOT_FOUND, "subject \"" + subject
                        + "\" has no branch \"" + b + "\"");
            }
            return tx.versions().of(s.id(), b, includeDeleted);
        });
    }

    /** A version by number or {@code latest}. */
    public SchemaVersion version(String subject, String branch, String version, boolean includeDeleted) {
        return core.store().transaction(tx -> {
            Subject s = RegistryCore.requireSubject(tx, subject);
            if (s.deleted() && !includeDeleted) {
                throw new RegistryException(RegistryException.Reason.SUBJECT_NOT_FOUND, "subject \"" + subject
                        + "\" was deleted");
            }
            return VersionLookup.find(tx, s, branch == null ? RegistryCore.MAIN : branch, version, includeDeleted);
        });
    }

    /** The live version of {@code subject} (main) whose schema is {@code schema} once canonicalized, if any. */
    public Optional<SchemaVersion> lookup(String subject, String schema, boolean includeDeleted) {
        Subject s = core.store().transaction(tx -> RegistryCore.requireSubject(tx, subject));
        ParsedSchema parsed = core.parser().parse(s.format(), s.dialect(), schema);
        return versions(subject, RegistryCore.MAIN, includeDeleted).stream()
                .filter(v -> v.fingerprint().equals(parsed.fingerprint())).findFirst();
    }
}

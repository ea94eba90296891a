package io.strata.registry;

import io.strata.compat.CompatibilityLevel;
import io.strata.model.SubjectFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RegistryCore is what the registry's use cases share: the store, the parser, the caches of immutable
 * versions, and the lookups every use case needs (a subject that must exist, the level that applies, the
 * history a branch is checked against).
 */
public final class RegistryCore implements AutoCloseable {

    public static final String MAIN = "main";
    /** How long another server's change may go unseen by this server's caches. */
    private static final long CACHE_MILLIS = 2_000;

    private final RegistryStore store;
    private final SchemaParser parser;
    /** A day: a version's content never changes, and the purge count below catches the one way it can go. */
    private static final long IMMUTABLE_MILLIS = 86_400_000;

    /**
     * Versions by id, kept long: Kafka consumers ask for the same ids over and over, and a version's content
     * never changes. Only a hard delete removes one; every server counts hard deletes in the store, and this
     * one drops the cache when the count moves (read at most every {@link #CACHE_MILLIS}).
     */
    private final ExpiringCache<Long, SchemaVersion> versionsById = new ExpiringCache<>(IMMUTABLE_MILLIS, 100_000);
    /** Subjects' formats: fixed for a subject's life, so kept like versions, and dropped with them on a purge. */
    private final ExpiringCache<String, SubjectFormat> formats = new ExpiringCache<>(IMMUTABLE_MILLIS, 100_000);
    private volatile long purgesSeen = -1;
    private volatile long purgesCheckedAt;
    private final ExpiringCache<String, SubjectView> subjectViews = new ExpiringCache<>(CACHE_MILLIS, 20_000);
    private final ExpiringCache<String, SubjectState> states = new ExpiringCache<>(CACHE_MILLIS, 20_000);

    /** What a check against a subject's main line reads: the subject, its live versions on main, its level. */
    record SubjectState(Subject subject, List<SchemaVersion> main, CompatibilityLevel level) {
    }

    public RegistryCore(RegistryStore store, SchemaParser parser) {
        this.store = store;
        this.parser = parser;
    }

    public RegistryStore store() {
        return store;
    }

    public SchemaParser parser() {
        return parser;
    }

    /** A version by global id, from the cache when it is fresh. */
    public Optional<SchemaVersion> versionById(long id) {
        noticePurges();
        // An id not found is not cached: the sequence may hand it out a moment later.
        return Optional.ofNullable(versionsById.get(id, key -> store.transaction(tx -> tx.versions().byId(key)).orElse(null)));
    }

    /** The format of {@code subject}'s versions. */
    SubjectFormat format(String subject) {
        noticePurges();
        return formats.get(subject, name -> store.transaction(tx -> requireSubject(tx, name)).format());
    }

    /** Drops the long-kept caches when a server purged something since this one last looked (at most every 2 s). */
    private void noticePurges() {
        long now = System.nanoTime();
        if (now - purgesCheckedAt > CACHE_MILLIS * 1_000_000) {
            purgesCheckedAt = now;
            long purges = store.transaction(tx -> tx.configs().purges());
            if (purges != purgesSeen) {
                versionsById.clear();
                formats.clear();
                purgesSeen = purges;
            }
        }
    }

    /** A subject's view, from the cache when it is fresh. */
    SubjectView subjectView(String name, java.util.function.Function<String, SubjectView> load) {
        return subjectViews.get(name, load);
    }

    /**
     * The subject's state for checks, from the cache when fresh: checks are the registry's hot path
     * (serializers ask before every registration), and a subject changes far less often than it is checked.
     */
    SubjectState state(String name) {
        return states.get(name, n -> store.transaction(tx -> {
            Subject subject = requireSubject(tx, n);
            return new SubjectState(subject, tx.versions().of(subject.id(), MAIN, false), levelOf(tx, subject));
        }));
    }

    /** Forgets what this server cached after it changed the store (registrations, settings, deletes). */
    void changed() {
        subjectViews.clear();
        states.clear();
    }

    /** Forgets everything cached after this server deleted something (the long-kept versions too). */
    void deleted() {
        changed();
        versionsById.clear();
        formats.clear();
    }

    public static Subject requireSubject(RegistryTransaction tx, String name) {
        return tx.subjects().byName(name).orElseThrow(() -> new RegistryException(RegistryException.Reason.SUBJECT_NOT_FOUND,
                "subject \"" + name + "\" not found"));
    }

    /** The level a subject's versions are checked at: its own, else the global default. */
    static CompatibilityLevel levelOf(RegistryTransaction tx, Subject subject) {
        if (subject != null && subject.compatibility() != null) {
            return CompatibilityLevel.valueOf(subject.compatibility());
        }
        return CompatibilityLevel.valueOf(tx.configs().get("compatibility").orElse("BACKWARD"));
    }

    /**
     * The live versions a branch's next version is checked against, oldest first: main's up to the fork
     * point, then the branch's own.
     */
    static List<SchemaVersion> lineage(RegistryTransaction tx, Subject subject, String branch) {
        // Two queries (main, then the branch), not one per version: the same selection as lineageKeys, with text.
        List<SchemaVersion> main = tx.versions().of(subject.id(), MAIN, false);
        if (MAIN.equals(branch)) {
            return main;
        }
        int base = requireBranch(tx, subject, branch).baseVersion();
        List<SchemaVersion> out = new ArrayList<>(main.stream().filter(v -> v.version() <= base).toList());
        out.addAll(tx.versions().of(subject.id(), branch, false));
        return out;
    }

    /** {@link #lineage} without the versions' text. */
    static List<VersionKey> lineageKeys(RegistryTransaction tx, Subject subject, String branch) {
        List<VersionKey> main = tx.versions().keys(subject.id(), MAIN);
        if (MAIN.equals(branch)) {
            return main;
        }
        int base = requireBranch(tx, subject, branch).baseVersion();
        List<VersionKey> out = new ArrayList<>(main.stream().filter(v -> v.version() <= base).toList());
        out.addAll(tx.versions().keys(subject.id(), branch));
        return out;
    }

    private static io.strata.registry.Branch requireBranch(RegistryTransaction tx, Subject subject, String branch) {
        return tx.branches().find(subject.id(), branch).orElseThrow(() -> new RegistryException(
                RegistryException.Reason.BRANCH_NOT_FOUND, "subject \"" + subject.name() + "\" has no branch \""
                        + branch + "\""));
    }

    /** A version's full row by id, within {@code tx} (versions are immutable but for their deleted flag). */
    static SchemaVersion load(RegistryTransaction tx, VersionKey key) {
        return tx.versions().byId(key.id()).orElseThrow(() -> new IllegalStateException("version " + key.id() + " vanished"));
    }

    public ParsedSchema parse(Subject subject, SchemaVersion version) {
        return parser.parse(subject.format(), subject.dialect(), version.schema());
    }

    @Override
    public void close() {
        parser.close();
    }
}

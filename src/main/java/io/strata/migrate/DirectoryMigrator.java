package io.strata.migrate;

import io.strata.dialect.Dialect;
import io.strata.error.StrataException;
import io.strata.source.MigrationFileName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DirectoryMigrator applies a directory's migration files on a locked target, as Flyway does: first the
 * versioned files in version order (an applied version is skipped once its checksum is confirmed, an unfinished
 * one is resumed, the rest run), then each repeatable file that never ran or whose checksum differs from its
 * newest recorded run. It stops at the first failure.
 */
public final class DirectoryMigrator {

    private final TargetSession session;
    private final Dialect dialect;

    public DirectoryMigrator(TargetSession session, Dialect dialect) {
        this.session = session;
        this.dialect = dialect;
    }

    /**
     * One result per file that ran or resumed; an applied versioned file whose checksum changed is a BAD_INPUT
     * error naming it. {@code files} are in the order they run ({@link MigrationFile#list}).
     */
    public List<ApplyResult> run(List<MigrationFile> files) {
        List<HistoryRow> rows = session.history();
        String baseline = rows.stream().filter(r -> r.kind().equals("baseline")).map(HistoryRow::version)
                .reduce((a, b) -> b).orElse(null);
        List<ApplyResult> results = new ArrayList<>();
        for (MigrationFile file : files) {
            Optional<ApplyResult> result = file.repeatable() ? repeatable(file, rows) : versioned(file, rows, baseline);
            if (result.isEmpty()) {
                continue;
            }
            results.add(result.get());
            if (!result.get().ok()) {
                return results;
            }
        }
        if (results.isEmpty()) {
            results.add(ApplyResult.upToDate("every migration file is applied"));
        }
        return results;
    }

    private Optional<ApplyResult> versioned(MigrationFile file, List<HistoryRow> rows, String baseline) {
        if (baseline != null && MigrationFileName.compareVersions(file.version(), baseline) <= 0) {
            return Optional.empty();
        }
        Migration migration = file.migration(dialect);
        Optional<HistoryRow> recorded = newestStanding(rows, "migrate",
                r -> MigrationFileName.compareVersions(r.version(), file.version()) == 0);
        if (recorded.isPresent() && !migration.checksum().equals(recorded.get().checksum())) {
            throw StrataException.badInput("file \"" + file.name() + "\" changed after version " + file.version()
                    + " was applied (checksum " + recorded.get().checksum() + " recorded, " + migration.checksum()
                    + " now)");
        }
        return runOrResume(migration, recorded);
    }

    /**
     * A repeatable file runs when no run of its description stands or its content changed since the newest
     * one; a run of this very content that stopped part way is resumed, as a versioned file would be.
     */
    private Optional<ApplyResult> repeatable(MigrationFile file, List<HistoryRow> rows) {
        Migration migration = file.migration(dialect);
        Optional<HistoryRow> recorded = newestStanding(rows, MigrationFile.REPEATABLE_KIND,
                r -> r.description().equals(file.description()))
                .filter(r -> migration.checksum().equals(r.checksum()));
        return runOrResume(migration, recorded);
    }

    private Optional<ApplyResult> runOrResume(Migration migration, Optional<HistoryRow> recorded) {
        if (recorded.isPresent() && recorded.get().success()) {
            return Optional.empty();
        }
        if (recorded.isPresent()) {
            return Optional.of(session.resume(recorded.get()));
        }
        return Optional.of(session.run(migration));
    }

    /** The newest row of {@code kind} matching {@code which} that succeeded or left statements standing. */
    private static Optional<HistoryRow> newestStanding(List<HistoryRow> rows, String kind,
                                                       java.util.function.Predicate<HistoryRow> which) {
        return rows.stream()
                .filter(r -> r.kind().equals(kind) && (r.success() || r.statementsApplied() > 0))
                .filter(which)
                .reduce((a, b) -> b);
    }
}

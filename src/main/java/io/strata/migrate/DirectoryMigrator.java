package io.strata.migrate;

import io.strata.dialect.Dialect;
import io.strata.error.StrataException;
import io.strata.source.MigrationFileName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * DirectoryMigrator applies a directory's migration files on a locked target, as Flyway does: first the
 * versioned files in version order (an applied version is skipped once its checksum is confirmed, an unfinished
 * one is resumed, the rest run), then each repeatable file that never ran or whose checksum differs from its
 * newest recorded run. It stops at the first failure.
 */
public final class DirectoryMigrator {

    /**
     * A file that is due on a target: to run, or to resume from {@code unfinished}, its earlier run of the same
     * content that stopped part way.
     */
    public record Due(MigrationFile file, Migration migration, Optional<HistoryRow> unfinished) {
    }

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
        List<ApplyResult> results = new ArrayList<>();
        for (Due due : due(files, session.history(), dialect)) {
            ApplyResult result = due.unfinished().isPresent() ? session.resume(due.unfinished().get())
                    : session.run(due.migration());
            results.add(result);
            if (!result.ok()) {
                return results;
            }
        }
        if (results.isEmpty()) {
            results.add(ApplyResult.upToDate("every migration file is applied"));
        }
        return results;
    }

    /** What {@link #run} would do on a target whose history is {@code rows}, one result per file, running nothing. */
    public static List<ApplyResult> preview(List<MigrationFile> files, List<HistoryRow> rows, Dialect dialect) {
        List<ApplyResult> results = new ArrayList<>();
        for (Due due : due(files, rows, dialect)) {
            MigrationFile file = due.file();
            Migration migration = due.migration();
            int total = migration.statementCount();
            String what = Migration.subject(migration.kind(), migration.version(), migration.description())
                    + " from " + file.name();
            String message = due.unfinished().isPresent()
                    ? "would resume " + what + " (" + due.unfinished().get().statementsApplied() + " of " + total
                    + " statements ran)"
                    : "would apply " + what + " (" + total + " statements)";
            results.add(new ApplyResult(ApplyResult.Outcome.DRY_RUN, file.version(), 0, total, message, List.of()));
        }
        if (results.isEmpty()) {
            results.add(ApplyResult.upToDate("every migration file is applied"));
        }
        return results;
    }

    /** The files due on a target whose history is {@code rows}, in the order they run. */
    private static List<Due> due(List<MigrationFile> files, List<HistoryRow> rows, Dialect dialect) {
        String baseline = rows.stream().filter(r -> r.kind().equals("baseline")).map(HistoryRow::version)
                .reduce((a, b) -> b).orElse(null);
        List<Due> due = new ArrayList<>();
        for (MigrationFile file : files) {
            if (!file.repeatable() && baseline != null && MigrationFileName.compareVersions(file.version(), baseline) <= 0) {
                continue;
            }
            Migration migration = file.migration(dialect);
            Optional<HistoryRow> recorded = file.repeatable() ? lastRunOfContent(file, migration, rows)
                    : lastRunOfVersion(file, migration, rows);
            if (recorded.isEmpty() || !recorded.get().success()) {
                due.add(new Due(file, migration, recorded));
            }
        }
        return due;
    }

    /** The newest run of a versioned file's version; one of other content is a BAD_INPUT error naming the file. */
    private static Optional<HistoryRow> lastRunOfVersion(MigrationFile file, Migration migration, List<HistoryRow> rows) {
        Optional<HistoryRow> recorded = newestStanding(rows, "migrate",
                r -> MigrationFileName.compareVersions(r.version(), file.version()) == 0);
        if (recorded.isPresent() && !migration.checksum().equals(recorded.get().checksum())) {
            throw StrataException.badInput("file \"" + file.name() + "\" changed after version " + file.version()
                    + " was applied (checksum " + recorded.get().checksum() + " recorded, " + migration.checksum()
                    + " now)");
        }
        return recorded;
    }

    /**
     * The newest run of a repeatable file's description when it ran this very content: none when it never ran or
     * changed since, and the file is due again.
     */
    private static Optional<HistoryRow> lastRunOfContent(MigrationFile file, Migration migration, List<HistoryRow> rows) {
        return newestStanding(rows, MigrationFile.REPEATABLE_KIND, r -> r.description().equals(file.description()))
                .filter(r -> migration.checksum().equals(r.checksum()));
    }

    /** The newest row of {@code kind} matching {@code which} that succeeded or left statements standing. */
    private static Optional<HistoryRow> newestStanding(List<HistoryRow> rows, String kind, Predicate<HistoryRow> which) {
        return rows.stream()
                .filter(r -> r.kind().equals(kind) && (r.success() || r.statementsApplied() > 0))
                .filter(which)
                .reduce((a, b) -> b);
    }
}

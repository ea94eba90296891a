package io.strata.migrate;

import io.strata.dialect.Dialect;
import io.strata.error.StrataException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DirectoryMigrator applies versioned migration files on a locked target in version order: applied
 * versions are skipped once their checksum is confirmed, an unfinished one is resumed, the rest run;
 * it stops at the first failure.
 */
public final class DirectoryMigrator {

    private final TargetSession session;
    private final Dialect dialect;

    public DirectoryMigrator(TargetSession session, Dialect dialect) {
        this.session = session;
        this.dialect = dialect;
    }

    /** One result per file that ran or resumed; an applied file whose checksum changed is a BAD_INPUT error naming it. */
    public List<ApplyResult> run(List<MigrationFile> files) {
        List<HistoryRow> rows = session.history();
        String baseline = rows.stream().filter(r -> r.kind().equals("baseline")).map(HistoryRow::version)
                .reduce((a, b) -> b).orElse(null);
        List<ApplyResult> results = new ArrayList<>();
        for (MigrationFile file : files) {
            if (baseline != null && MigrationFile.compareVersions(file.version(), baseline) <= 0) {
                continue;
            }
            Migration migration = file.migration(dialect);
            Optional<HistoryRow> recorded = rows.stream()
                    .filter(r -> r.kind().equals("migrate") && (r.success() || r.statementsApplied() > 0))
                    .filter(r -> MigrationFile.compareVersions(r.version(), file.version()) == 0)
                    .reduce((a, b) -> b);
            ApplyResult result;
            if (recorded.isPresent() && !migration.checksum().equals(recorded.get().checksum())) {
                throw StrataException.badInput("file \"" + file.name() + "\" changed after version " + file.version()
                        + " was applied (checksum " + recorded.get().checksum() + " recorded, " + migration.checksum()
                        + " now)");
            } else if (recorded.isPresent() && recorded.get().success()) {
                continue;
            } else if (recorded.isPresent() && recorded.get().statementsApplied() > 0) {
                result = session.resume(recorded.get());
            } else {
                result = session.run(migration);
            }
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
}

package io.strata.app;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.DirectoryMigrator;
import io.strata.migrate.LockUnavailableException;
import io.strata.migrate.MigrationFile;
import io.strata.migrate.SumFile;
import io.strata.migrate.TargetSession;

import java.nio.file.Path;
import java.util.List;

/**
 * MigrateDirectory is the use case behind {@code strata migrate}: check the directory against its
 * strata.sum, then apply its versioned files in version order and its repeatable files after them, under the
 * target's lock.
 */
public final class MigrateDirectory {

    /** One result per file that ran; the last one says why it stopped when it did not succeed. */
    public List<ApplyResult> run(Path dir, String url, ApplySettings settings) {
        List<MigrationFile> files = MigrationFile.list(dir);
        SumFile.verify(dir, files);
        Dialect dialect = Dialects.forUrl(url);
        try (TargetSession session = TargetSession.open(dialect, url, settings)) {
            return new DirectoryMigrator(session, dialect).run(files);
        } catch (LockUnavailableException e) {
            return List.of(ApplyResult.locked(e.getMessage()));
        }
    }

    /**
     * What {@link #run} would apply, file by file, read from the target's history without its lock and without
     * writing anything there.
     */
    public List<ApplyResult> dryRun(Path dir, String url, ApplySettings settings) {
        List<MigrationFile> files = MigrationFile.list(dir);
        SumFile.verify(dir, files);
        Dialect dialect = Dialects.forUrl(url);
        return DirectoryMigrator.preview(files, TargetSession.readHistory(dialect, url, settings.historySchema()), dialect);
    }

    /** Rewrites the directory's strata.sum after a deliberate change. */
    public SumFile hash(Path dir) {
        return SumFile.write(dir);
    }
}

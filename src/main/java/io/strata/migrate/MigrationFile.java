package io.strata.migrate;

import io.strata.dialect.Dialect;
import io.strata.dialect.SqlStatements;
import io.strata.dialect.StatementClassifier;
import io.strata.error.StrataException;
import io.strata.source.MigrationDirectory;
import io.strata.source.MigrationFileName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A MigrationFile is one file of a migration directory, named as Flyway names them so existing Flyway
 * directories work as they are: versioned {@code V<version>__<description>.sql}, run once in version order,
 * or repeatable {@code R__<description>.sql}, run after them and again whenever its content changes.
 *
 * @param version    the version, or {@link #REPEATABLE_VERSION} for a repeatable file
 * @param name       the file name, as strata.sum and errors show it
 * @param content    the file's text
 * @param repeatable whether it is an {@code R__} file
 */
public record MigrationFile(String version, String description, String name, String content, boolean repeatable) {

    /** What strata_history records as the version of a repeatable file, which has none (the column requires one). */
    public static final String REPEATABLE_VERSION = "R";

    /** What strata_history records as the kind of a run of a repeatable file. */
    public static final String REPEATABLE_KIND = "repeatable";

    /** A versioned file. */
    public MigrationFile(String version, String description, String name, String content) {
        this(version, description, name, content, false);
    }

    /**
     * Every migration file of {@code dir} in the order it runs ({@link MigrationDirectory}): versioned files by
     * version, then repeatable ones by description; other files are ignored, a duplicate version is an error.
     */
    public static List<MigrationFile> list(Path dir) {
        List<MigrationFile> files = new ArrayList<>();
        for (MigrationDirectory.Entry entry : MigrationDirectory.list(dir)) {
            String content;
            try {
                content = Files.readString(entry.path());
            } catch (IOException e) {
                throw StrataException.badInput("cannot read \"" + entry.path() + "\": " + e.getMessage());
            }
            // MigrationDirectory lists versioned and repeatable files only, never undo files.
            files.add(entry.name() instanceof MigrationFileName.Versioned v
                    ? new MigrationFile(v.version(), v.description(), entry.fileName(), content)
                    : new MigrationFile(REPEATABLE_VERSION, entry.name().description(), entry.fileName(), content, true));
        }
        return files;
    }

    /**
     * The file's statements in batches: consecutive statements that may share a transaction form one (a
     * transaction where the dialect allows it), and a statement that may not ({@code CREATE INDEX
     * CONCURRENTLY}) runs alone, recorded as soon as it has run, so a resumed file never repeats it.
     */
    public Migration migration(Dialect dialect) {
        boolean mysql = dialect.name().equals("mysql");
        StatementClassifier classifier = dialect.classifier();
        List<Batch> batches = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (SqlStatements.Statement statement : SqlStatements.split(content, mysql)) {
            String sql = statement.text();
            if (mysql || classifier.transactional(sql)) {
                pending.add(sql);
                continue;
            }
            if (!pending.isEmpty()) {
                batches.add(new Batch(pending, true));
                pending = new ArrayList<>();
            }
            batches.add(new Batch(List.of(sql), false));
        }
        if (!pending.isEmpty() || batches.isEmpty()) {
            batches.add(new Batch(pending, true));
        }
        return Migration.of(version, description, repeatable ? REPEATABLE_KIND : "migrate", null, batches);
    }
}

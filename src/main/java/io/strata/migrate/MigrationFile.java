package io.strata.migrate;

import io.strata.dialect.Dialect;
import io.strata.dialect.SqlStatements;
import io.strata.dialect.StatementClassifier;
import io.strata.error.StrataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A MigrationFile is one versioned migration, {@code V<version>__<description>.sql} as Flyway names
 * them, so existing Flyway directories work as they are.
 *
 * @param name    the file name, as strata.sum and errors show it
 * @param content the file's text
 */
public record MigrationFile(String version, String description, String name, String content) {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");

    /** Versions compare numerically part by part: {@code 1.2} before {@code 1.10}, {@code 2} before {@code 10}. */
    public static final Comparator<MigrationFile> ORDER = (a, b) -> compareVersions(a.version(), b.version());

    /** Every migration file of {@code dir} in version order; other files are ignored, a duplicate version is an error. */
    public static List<MigrationFile> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw StrataException.badInput("no such directory: \"" + dir + "\"");
        }
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    files.add(new MigrationFile(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '),
                            p.getFileName().toString(), Files.readString(p)));
                }
            }
        } catch (IOException e) {
            throw StrataException.badInput("cannot read directory \"" + dir + "\": " + e.getMessage());
        }
        files.sort(ORDER);
        for (int i = 1; i < files.size(); i++) {
            if (compareVersions(files.get(i - 1).version(), files.get(i).version()) == 0) {
                throw StrataException.badInput("files \"" + files.get(i - 1).name() + "\" and \"" + files.get(i).name()
                        + "\" have the same version " + files.get(i).version());
            }
        }
        return files;
    }

    public static int compareVersions(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            java.math.BigInteger p = i < x.length ? new java.math.BigInteger(x[i]) : java.math.BigInteger.ZERO;
            java.math.BigInteger q = i < y.length ? new java.math.BigInteger(y[i]) : java.math.BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
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
        return Migration.of(version, description, "migrate", null, batches);
    }
}

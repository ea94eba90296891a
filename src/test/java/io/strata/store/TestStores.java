package io.strata.store;

import io.strata.testing.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * TestStores opens fresh stores for the tests that run once per kind: an embedded H2 file in a new
 * directory, and a new database on the test PostgreSQL server (embedded, or STRATA_TEST_PG_URL's).
 */
public final class TestStores {

    private TestStores() {
    }

    /** The kinds every store test runs on. */
    public static Stream<String> kinds() {
        return Stream.of("h2", "postgres");
    }

    /** A fresh store URL of {@code kind}: null with {@code dir} for H2 (the embedded default), a new database for PostgreSQL. */
    public static String freshUrl(String kind) {
        return "postgres".equals(kind) ? TestDatabases.freshPostgres() : null;
    }

    public static Path freshDir() {
        try {
            return Files.createTempDirectory("strata-store");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StoreDatabase open(String kind) {
        return StoreDatabase.open(freshUrl(kind), freshDir());
    }
}

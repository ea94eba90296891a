package io.strata.cli;

import io.strata.app.ManageKeys;
import io.strata.app.Registry;
import io.strata.error.StrataException;
import io.strata.security.PrivateFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * AdminBootstrap makes the first admin key of a fresh store, so that a new server is never open to anonymous
 * callers: from {@code STRATA_ADMIN_KEY} (id {@code admin}) when it is set, else generated and written to a file
 * only its owner can read, or printed once by the demo.
 */
final class AdminBootstrap {

    static final String ENV = "STRATA_ADMIN_KEY";

    private AdminBootstrap() {
    }

    /**
     * For {@code serve}, before it listens: a generated key goes to {@code <storeDir>/admin.key} (mode 0600). Returns
     * the line that says what was made, or empty when the store already had keys.
     *
     * @param given the value of {@code STRATA_ADMIN_KEY}, or null
     */
    static Optional<String> forServer(Registry registry, Path storeDir, String given) {
        Optional<ManageKeys.IssuedKey> made = registry.keys().bootstrap(given);
        if (made.isEmpty()) {
            return Optional.empty();
        }
        if (given != null && !given.isBlank()) {
            return Optional.of("  Admin key:   \"admin\" made from $" + ENV + " (Bearer admin.<secret>, or Basic admin:<secret>)");
        }
        Path file = storeDir.resolve("admin.key");
        write(file, made.get().token());
        return Optional.of("  Admin key:   first start, written to " + file + " (readable by you only): export STRATA_TOKEN=$(cat "
                + file + ")");
    }

    /** For {@code demo}: the key made is printed, with how to use it. Returns the token. */
    static String forDemo(Registry registry, PrintWriter out) {
        String given = System.getenv(ENV);
        ManageKeys.IssuedKey made = registry.keys().bootstrap(given).orElseThrow();
        String token = made.token();
        if (given != null && !given.isBlank()) {
            out.println("Admin key \"admin\" made from $" + ENV + ": send Authorization: Bearer admin.<your secret>");
        } else {
            out.println("Admin key (this demo's store only): export STRATA_TOKEN=" + token);
        }
        return token;
    }

    /** Writes the token to a new file only its owner reads; one left from an earlier store is replaced. */
    private static void write(Path file, String token) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw StrataException.badInput("cannot replace " + file + ": " + e.getMessage());
        }
        PrivateFile.createNew(file, token + System.lineSeparator());
    }
}

package io.strata.cli;

import io.strata.app.Registry;
import io.strata.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first admin key of a fresh store: from {@code STRATA_ADMIN_KEY} with the id {@code admin}, else generated into a
 * file only its owner reads; never again once the store has keys.
 */
class AdminBootstrapTest {

    @TempDir
    Path dir;

    @Test
    void withoutAGivenSecretTheFirstStartWritesAnAdminKeyOnlyItsOwnerReads() throws Exception {
        try (Registry registry = Registry.open(null, dir, Map.of())) {
            Optional<String> said = AdminBootstrap.forServer(registry, dir, null);
            Path file = dir.resolve("admin.key");
            assertThat(said).get().asString().contains(file.toString(), "export STRATA_TOKEN=$(cat " + file + ")");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String token = Files.readString(file).strip();
            assertThat(registry.keys().find(token.substring(0, token.indexOf('.')))).get()
                    .satisfies(k -> assertThat(k.role()).isEqualTo(Role.ADMIN));
            assertThat(AdminBootstrap.forServer(registry, dir, null)).as("a store with keys makes none").isEmpty();
            assertThat(Files.readString(file).strip()).isEqualTo(token);
            assertThat(registry.keys().list()).hasSize(1);
        }
    }

    @Test
    void aGivenSecretBecomesTheKeyNamedAdminAndIsWrittenNowhere() {
        try (Registry registry = Registry.open(null, dir, Map.of())) {
            Optional<String> said = AdminBootstrap.forServer(registry, dir, "a-long-enough-admin-secret");
            assertThat(said).get().asString().contains("\"admin\"").doesNotContain("a-long-enough-admin-secret");
            assertThat(dir.resolve("admin.key")).doesNotExist();
            assertThat(registry.keys().get("admin").role()).isEqualTo(Role.ADMIN);
            assertThat(registry.keys().get("admin").secretHash()).doesNotContain("a-long-enough-admin-secret");
        }
    }

    @Test
    void aShortGivenSecretIsRefused() {
        try (Registry registry = Registry.open(null, dir, Map.of())) {
            CliRun run = CliRun.of("keys", "--help");
            assertThat(run.out()).contains("create", "rotate", "revoke", "whoami");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AdminBootstrap.forServer(registry, dir, "short"))
                    .hasMessageContaining("STRATA_ADMIN_KEY must be at least 16 characters");
            assertThat(registry.keys().list()).isEmpty();
        }
    }
}

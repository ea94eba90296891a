package io.strata.cli;

import io.strata.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata serve}'s options: the drift interval and the webhook allow-list documented in its help, bad values
 * refused before anything opens; the master key file made on the first start, said where, and kept after.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpDocumentsTheDriftInterval() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--drift-interval=<seconds>", "0 turns them off", "default: 600");
    }

    @Test
    void aNegativeOrNonNumericDriftIntervalIsBadInput() {
        CliRun negative = CliRun.of("serve", "--drift-interval", "-5", "--port", "0");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--drift-interval", "-5");
        CliRun words = CliRun.of("serve", "--drift-interval", "often", "--port", "0");
        assertThat(words.exitCode()).isEqualTo(2);
        assertThat(words.err()).contains("--drift-interval");
    }

    @Test
    void aWebhookAllowThatIsNotAnAddressBlockIsBadInput() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.out()).contains("--webhook-allow=<cidr>", "repeatable");
        CliRun name = CliRun.of("serve", "--webhook-allow", "localhost", "--port", "0", "--store-dir", dir.toString());
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err()).contains("\"localhost\" is not an address block", "127.0.0.1/32");
        CliRun prefix = CliRun.of("serve", "--webhook-allow", "10.0.0.0/40", "--port", "0", "--store-dir", dir.toString());
        assertThat(prefix.exitCode()).isEqualTo(2);
        assertThat(prefix.err()).contains("10.0.0.0/40", "from 0 to 32");
        assertThat(dir.resolve("master.key")).as("nothing opened").doesNotExist();
    }

    @Test
    void theFirstStartCreatesTheMasterKeyFileAndSaysWhere() throws Exception {
        Path key = dir.resolve(".strata").resolve("master.key");
        try (ServerProcess first = ServerProcess.start(dir, List.of(), List.of("--host", "127.0.0.1", "--drift-interval", "0"))) {
            assertThat(first.output()).contains("created the master key file .strata/master.key (mode 0600)");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String created = Files.readString(key);
        try (ServerProcess second = ServerProcess.start(dir, List.of(), List.of("--host", "127.0.0.1", "--drift-interval", "0",
                "--webhook-allow", "127.0.0.1/32", "--webhook-allow", "fd00::/8"))) {
            assertThat(second.output()).doesNotContain("master key");
        }
        assertThat(Files.readString(key)).isEqualTo(created);
    }
}

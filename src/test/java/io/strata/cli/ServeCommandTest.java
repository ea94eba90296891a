package io.strata.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata serve}'s options: documented in its help, and a bad value refused before anything opens. */
class ServeCommandTest {

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
    void aSecretsDirectoryThatIsNotADirectoryIsBadInput() throws Exception {
        assertThat(CliRun.of("serve", "--help").out()).contains("--secrets-dir=DIR");
        Path file = Files.createTempFile("strata-not-a-dir", ".txt");
        for (String dir : new String[] {file.toString(), file + "-missing"}) {
            CliRun run = CliRun.of("serve", "--secrets-dir", dir, "--port", "0");
            assertThat(run.exitCode()).as(dir).isEqualTo(2);
            assertThat(run.err()).as(dir).contains("--secrets-dir", dir);
        }
    }
}

package io.strata.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata serve}'s drift option: documented in its help, and a bad value refused before anything opens. */
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
}

package io.strata.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata demo --exit} runs end to end on its embedded databases and says what it did: the breaking
 * third version goes out phase by phase.
 */
class DemoCommandTest {

    @Test
    void registersRollsOutInWavesAndFindsTheDrift() {
        CliRun run = CliRun.of("demo", "--port", "0", "--exit");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("registered version 1 (semver 1.0.0")
                .contains("registered version 2 (semver 1.1.0")
                .contains("refused at BACKWARD")
                .contains("registered version 3 (semver 2.0.0)")
                .contains("6 environments in 4 waves")
                .contains("its plan has phases [EXPAND, MIGRATE, CONTRACT]")
                .containsPattern("rollout \\d+ \\(CONTRACT\\): 6 environments")
                .doesNotContain("PAUSED")
                .contains("sync prod_3: 1 change(s) from shop@3")
                .contains("sync prod_1: no drift");
        assertThat(run.out().lines().filter(l -> l.startsWith("   SUCCEEDED: dev SUCCEEDED, staging SUCCEEDED, prod_1 SUCCEEDED"))
                .count()).as("versions 1 and 2, then version 3's three phases, through every environment").isEqualTo(5);
    }
}

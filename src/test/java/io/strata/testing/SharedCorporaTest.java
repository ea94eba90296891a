package io.strata.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SharedCorporaTest checks what a test gets when a path under ../shared is missing: a skip with the path
 * as the reason, or, when the requirement is switched on, a failure naming it. The system property is
 * set in each case because it wins over the environment variable, which CI sets.
 */
class SharedCorporaTest {

    /** A path no checkout of ../shared has, so the outcome does not depend on this machine. */
    private static final Path MISSING = Path.of("conformance", "no-such-corpus-for-SharedCorporaTest");

    @AfterEach
    void clearProperty() {
        System.clearProperty(SharedCorpora.REQUIRE_PROPERTY);
    }

    @Test
    void aMissingPathSkipsWithThePathAsTheReason() {
        System.setProperty(SharedCorpora.REQUIRE_PROPERTY, "0");
        assertThatThrownBy(() -> SharedCorpora.require(MISSING))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("../shared/conformance/no-such-corpus-for-SharedCorporaTest not found")
                .hasMessageContaining(SharedCorpora.REQUIRE_ENV + "=1");
    }

    @Test
    void aMissingPathFailsWhenRequired() {
        for (String on : new String[] {"1", "true"}) {
            System.setProperty(SharedCorpora.REQUIRE_PROPERTY, on);
            assertThatThrownBy(() -> SharedCorpora.require(MISSING))
                    .as("with %s=%s", SharedCorpora.REQUIRE_PROPERTY, on)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("SharedCorporaTest: ../shared/conformance/no-such-corpus-for-SharedCorporaTest not found");
        }
    }
}

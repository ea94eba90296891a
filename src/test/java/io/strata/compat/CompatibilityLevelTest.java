package io.strata.compat;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static io.strata.compat.Role.NEW_READER;
import static io.strata.compat.Role.NEW_WRITER;
import static io.strata.compat.Role.OLD_READER;
import static io.strata.compat.Role.OLD_WRITER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Levels, their roles and parsing; findings' role helpers. */
class CompatibilityLevelTest {

    @Test
    void levelsRequireTheirRoles() {
        assertThat(CompatibilityLevel.NONE.requiredRoles()).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD.requiredRoles()).containsExactly(OLD_READER, OLD_WRITER);
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.requiredRoles()).containsExactly(OLD_READER, OLD_WRITER);
        assertThat(CompatibilityLevel.FORWARD.requiredRoles()).containsExactly(NEW_READER, NEW_WRITER);
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.requiredRoles()).containsExactly(NEW_READER, NEW_WRITER);
        assertThat(CompatibilityLevel.FULL.requiredRoles()).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(CompatibilityLevel.FULL_TRANSITIVE.requiredRoles()).isEqualTo(EnumSet.allOf(Role.class));
    }

    @Test
    void onlyTransitiveLevelsAreTransitive() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(level.transitive()).as("%s", level).isEqualTo(level.name().endsWith("_TRANSITIVE"));
        }
    }

    @Test
    void parsesIgnoringCase() {
        assertThat(CompatibilityLevel.parse("backward")).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(CompatibilityLevel.parse(" Full_Transitive ")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("forward-transitive")).isEqualTo(CompatibilityLevel.FORWARD_TRANSITIVE);
    }

    @Test
    void anUnknownLevelIsBadInputListingTheValidOnes() {
        assertThatThrownBy(() -> CompatibilityLevel.parse("sideways"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessage("unknown compatibility level \"sideways\"; valid levels: NONE, BACKWARD, "
                        + "BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
        assertThatThrownBy(() -> CompatibilityLevel.parse(null)).isInstanceOf(StrataException.class);
    }
}

package io.strata.compat;

import io.strata.model.Column;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.change.SchemaChange.DropColumn;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A finding's role helpers: what breaks, what only depends on data, and which roles fail a check. */
class FindingTest {

    private static final DropColumn CHANGE = new DropColumn("shop", "orders",
            Column.of("total", new IntegerType("integer", 4, false), true));

    private static Finding finding(Effect or, Effect ow, Effect nr, Effect nw) {
        return new Finding("CODE", CHANGE, CHANGE.location(), Effects.of(or, ow, nr, nw), "m", "w", "r");
    }

    @Test
    void breaksListsBrokenAndDataDependentRolesInRoleOrder() {
        Finding f = finding(DATA_DEPENDENT, OK, BREAKS, OK);

        assertThat(f.breaks()).containsExactly(Role.OLD_READER, Role.NEW_READER);
        assertThat(f.dataDependent()).isFalse();
        assertThat(f.type()).isEqualTo("DropColumn");
    }

    @Test
    void dataDependentAloneDoesNotFailACheck() {
        Finding f = finding(DATA_DEPENDENT, OK, OK, DATA_DEPENDENT);

        assertThat(f.dataDependent()).isTrue();
        assertThat(f.breaksAny(Set.of(Role.values()))).isFalse();
        assertThat(finding(OK, BREAKS, OK, OK).breaksAny(Set.of(Role.OLD_WRITER))).isTrue();
        assertThat(finding(OK, BREAKS, OK, OK).breaksAny(Set.of(Role.NEW_WRITER))).isFalse();
    }

    @Test
    void everyRoleNeedsAnEffect() {
        assertThatThrownBy(() -> new Finding("CODE", CHANGE, CHANGE.location(), Map.of(Role.OLD_READER, OK), "m", "w", "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OLD_WRITER");
    }

    @Test
    void effectsDescribeThemselvesForMessages() {
        assertThat(Effects.describe(finding(OK, BREAKS, DATA_DEPENDENT, DATA_DEPENDENT).effects()))
                .isEqualTo("breaks old writer; data-dependent for new reader, new writer");
        assertThat(Effects.describe(Effects.allOk())).isEqualTo("compatible for every role");
    }
}

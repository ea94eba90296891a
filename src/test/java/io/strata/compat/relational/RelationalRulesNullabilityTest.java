package io.strata.compat.relational;

import io.strata.compat.Effect;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.model.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;

import static io.strata.compat.relational.Fixtures.modify;
import static io.strata.compat.relational.Fixtures.nullable;
import static io.strata.compat.relational.Fixtures.required;
import static io.strata.model.change.ColumnChangeKind.DEFAULT;
import static io.strata.model.change.ColumnChangeKind.NULLABILITY;
import static org.assertj.core.api.Assertions.assertThat;

/** NULL / NOT NULL changes and defaults added, changed and dropped. */
class RelationalRulesNullabilityTest {

    private static final Column NULLABLE = nullable("status", Types.text());
    private static final Column REQUIRED = required("status", Types.text());

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("COLUMN_MADE_NOT_NULL", modify(NULLABLE, REQUIRED, NULLABILITY),
                        modify(NULLABLE.withDefault("'new'"), REQUIRED.withDefault("'new'"), NULLABILITY)),
                RuleCase.pg("COLUMN_MADE_NOT_NULL_WITH_DEFAULT",
                        modify(NULLABLE.withDefault("'new'"), REQUIRED.withDefault("'new'"), NULLABILITY),
                        modify(NULLABLE, REQUIRED, NULLABILITY)),
                RuleCase.pg("COLUMN_MADE_NULLABLE", modify(REQUIRED, NULLABLE, NULLABILITY),
                        modify(NULLABLE, REQUIRED, NULLABILITY)),
                RuleCase.pg("COLUMN_DEFAULT_ADDED", modify(NULLABLE, NULLABLE.withDefault("'new'"), DEFAULT),
                        modify(REQUIRED, REQUIRED.withDefault("'new'"), DEFAULT)),
                RuleCase.pg("COLUMN_DEFAULT_ADDED_REQUIRED", modify(REQUIRED, REQUIRED.withDefault("'new'"), DEFAULT),
                        modify(NULLABLE, NULLABLE.withDefault("'new'"), DEFAULT)),
                RuleCase.pg("COLUMN_DEFAULT_CHANGED",
                        modify(NULLABLE.withDefault("'new'"), NULLABLE.withDefault("'open'"), DEFAULT),
                        modify(NULLABLE, NULLABLE.withDefault("'open'"), DEFAULT)),
                RuleCase.pg("COLUMN_DEFAULT_DROPPED", modify(NULLABLE.withDefault("'new'"), NULLABLE, DEFAULT),
                        modify(REQUIRED.withDefault("'new'"), REQUIRED, DEFAULT)),
                RuleCase.pg("COLUMN_DEFAULT_DROPPED_REQUIRED", modify(REQUIRED.withDefault("'new'"), REQUIRED, DEFAULT),
                        modify(NULLABLE.withDefault("'new'"), NULLABLE, DEFAULT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void makingNotNullWithoutDefaultBreaksOldWriters() {
        Finding finding = RelationalRules.classify(Fixtures.PG, List.of(modify(NULLABLE, REQUIRED, NULLABILITY))).get(0);

        assertThat(finding.breaksAny(Set.of(Role.OLD_WRITER))).isTrue();
        assertThat(finding.effects()).containsEntry(Role.NEW_READER, Effect.DATA_DEPENDENT);
    }

    @Test
    void droppingTheDefaultOfANotNullColumnBreaksOldWritersThatOmitIt() {
        Finding finding = RelationalRules.classify(Fixtures.PG,
                List.of(modify(REQUIRED.withDefault("'new'"), REQUIRED, DEFAULT))).get(0);

        assertThat(finding.breaks()).containsExactly(Role.OLD_WRITER);
        assertThat(finding.message()).isEqualTo(
                "default 'new' of NOT NULL column \"shop.orders.status\" was dropped (breaks old writer)");
    }

    @Test
    void nullabilityAndDefaultTogetherGiveOneFindingEach() {
        assertThat(RuleCase.codes(Fixtures.PG, modify(NULLABLE, REQUIRED.withDefault("'new'"), NULLABILITY, DEFAULT)))
                .containsExactly("COLUMN_MADE_NOT_NULL_WITH_DEFAULT", "COLUMN_DEFAULT_ADDED");
    }
}

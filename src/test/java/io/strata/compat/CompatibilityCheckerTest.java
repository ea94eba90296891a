package io.strata.compat;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Column;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.StringKind;
import io.strata.model.ColumnType.StringType;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddColumn;
import io.strata.model.change.SchemaChange.AddTable;
import io.strata.model.change.SchemaChange.DropColumn;
import io.strata.model.change.SchemaChange.ModifyColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.strata.compat.CompatibilityLevel.BACKWARD;
import static io.strata.compat.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static io.strata.compat.CompatibilityLevel.FORWARD;
import static io.strata.compat.CompatibilityLevel.FORWARD_TRANSITIVE;
import static io.strata.compat.CompatibilityLevel.FULL;
import static io.strata.compat.CompatibilityLevel.FULL_TRANSITIVE;
import static io.strata.compat.CompatibilityLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Levels composed from the relational classification: roles, latest vs every earlier version, NONE, data. */
class CompatibilityCheckerTest {

    private static final String PG = "postgres";
    private static final Column NOTE = Column.of("note", new StringType("text", StringKind.TEXT, null), true);
    private static final Column TOTAL = Column.of("total", new IntegerType("integer", 4, false), true);

    private static SchemaChange addNote() {
        return new AddColumn("shop", "orders", NOTE);
    }

    private static SchemaChange dropTotal() {
        return new DropColumn("shop", "orders", TOTAL);
    }

    private static SchemaChange addRefunds() {
        return new AddTable("shop", Table.of("refunds", List.of(NOTE)));
    }

    private static SchemaChange widenTotal() {
        Column bigint = TOTAL.withType(new IntegerType("bigint", 8, false));
        return new ModifyColumn("shop", "orders", TOTAL, bigint, Set.of(ColumnChangeKind.TYPE));
    }

    private static SchemaChange recollateNote() {
        Column german = new Column(NOTE.name(), NOTE.type(), NOTE.nullable(), NOTE.defaultExpr(), NOTE.identity(),
                NOTE.generatedExpr(), NOTE.generatedStored(), "de-DE-x-icu", NOTE.charset(), NOTE.comment(), null);
        return new ModifyColumn("shop", "orders", NOTE, german, Set.of(ColumnChangeKind.COLLATION));
    }

    /**
     * History 001 -> 002 -> 003 (checked). 002 -> 003 only adds a nullable column; 001 -> 003 also drops a
     * column that 002 had already dropped: fine against the latest version, breaking against the oldest.
     */
    private static List<LabelledChanges> addedAtLatestDroppedBefore() {
        return List.of(new LabelledChanges("001.sql", "003.sql", List.of(dropTotal(), addNote())),
                new LabelledChanges("002.sql", "003.sql", List.of(addNote())));
    }

    /** 002 -> 003 drops a nullable column (FORWARD compatible); 001 -> 003 also adds a table (not FORWARD). */
    private static List<LabelledChanges> droppedAtLatestAddedBefore() {
        return List.of(new LabelledChanges("001.sql", "003.sql", List.of(addRefunds(), dropTotal())),
                new LabelledChanges("002.sql", "003.sql", List.of(dropTotal())));
    }

    static Stream<Arguments> levels() {
        return Stream.of(
                arguments(NONE, true, true),
                arguments(BACKWARD, true, false),
                arguments(BACKWARD_TRANSITIVE, false, false),
                arguments(FORWARD, false, true),
                arguments(FORWARD_TRANSITIVE, false, false),
                arguments(FULL, false, false),
                arguments(FULL_TRANSITIVE, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void composesEveryLevel(CompatibilityLevel level, boolean addedAtLatestCompatible, boolean droppedAtLatestCompatible) {
        assertThat(CompatibilityChecker.check(level, addedAtLatestDroppedBefore(), PG).compatible())
                .as("add at latest, drop before").isEqualTo(addedAtLatestCompatible);
        assertThat(CompatibilityChecker.check(level, droppedAtLatestAddedBefore(), PG).compatible())
                .as("drop at latest, add before").isEqualTo(droppedAtLatestCompatible);
    }

    @Test
    void nonTransitiveLevelsCompareWithTheLatestVersionOnly() {
        CompatibilityResult result = CompatibilityChecker.check(BACKWARD, addedAtLatestDroppedBefore(), PG);

        assertThat(result.comparisons()).extracting(VersionComparison::from).containsExactly("002.sql");
        assertThat(result.findings()).extracting(Finding::code).containsExactly("COLUMN_ADDED_NULLABLE");
        assertThat(result.breaking()).isEmpty();
    }

    @Test
    void transitiveLevelsCompareWithEveryEarlierVersionNewestFirst() {
        CompatibilityResult result = CompatibilityChecker.check(BACKWARD_TRANSITIVE, addedAtLatestDroppedBefore(), PG);

        assertThat(result.comparisons()).extracting(VersionComparison::from, VersionComparison::compatible)
                .containsExactly(tuple("002.sql", true),
                        tuple("001.sql", false));
        assertThat(result.comparisons()).extracting(VersionComparison::to).containsOnly("003.sql");
        assertThat(result.findings()).extracting(Finding::code)
                .containsExactly("COLUMN_ADDED_NULLABLE", "COLUMN_DROPPED", "COLUMN_ADDED_NULLABLE");
        assertThat(result.breaking()).extracting(Finding::code).containsExactly("COLUMN_DROPPED");
    }

    @Test
    void noneIsAlwaysCompatibleButStillReports() {
        CompatibilityResult result = CompatibilityChecker.check(NONE, List.of(
                new LabelledChanges("001.sql", "002.sql", List.of(dropTotal()))), PG);

        assertThat(result.compatible()).isTrue();
        assertThat(result.findings()).extracting(Finding::code).containsExactly("COLUMN_DROPPED");
        assertThat(result.breaking()).isEmpty();
    }

    @Test
    void dataDependentEffectsAreReportedButDoNotFail() {
        // a collation change breaks only clients whose values compare differently under the new collation
        List<LabelledChanges> history = List.of(new LabelledChanges("001.sql", "002.sql", List.of(recollateNote())));

        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            CompatibilityResult result = CompatibilityChecker.check(level, history, PG);
            assertThat(result.compatible()).as("%s", level).isTrue();
            assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.dataDependent()).isTrue());
        }
    }

    @Test
    void aWideningPassesBackwardOnlyAsAvroIntToLongDoes() {
        // new writers may write a bigint the old integer column cannot hold: that breaks them, not just data
        List<LabelledChanges> history = List.of(new LabelledChanges("001.sql", "002.sql", List.of(widenTotal())));

        assertThat(CompatibilityChecker.check(BACKWARD, history, PG).compatible()).isTrue();
        assertThat(CompatibilityChecker.check(FORWARD, history, PG).compatible()).isFalse();
        assertThat(CompatibilityChecker.check(FULL, history, PG).compatible()).isFalse();
        assertThat(CompatibilityChecker.check(NONE, history, PG).compatible()).isTrue();
    }

    @Test
    void theFirstVersionIsCompatibleWithNothingToCompare() {
        CompatibilityResult result = CompatibilityChecker.check(FULL_TRANSITIVE, List.of(), PG);

        assertThat(result.compatible()).isTrue();
        assertThat(result.comparisons()).isEmpty();
    }

    @Test
    void anyFormatCanPlugItsClassifierIn() {
        Finding alwaysBreaks = new Finding("X", addNote(), "shop.orders.note",
                Effects.of(Effect.OK, Effect.OK, Effect.OK, Effect.BREAKS), "m", "w", "r");
        ChangeClassifier classifier = changes -> changes.stream().map(c -> alwaysBreaks).toList();
        List<LabelledChanges> history = List.of(new LabelledChanges("a", "b", List.of(addNote())));

        assertThat(CompatibilityChecker.check(BACKWARD, history, classifier).compatible()).isTrue();
        assertThat(CompatibilityChecker.check(FORWARD, history, classifier).compatible()).isFalse();
    }

    @Test
    void anUnknownDialectIsBadInput() {
        assertThatThrownBy(() -> CompatibilityChecker.check(BACKWARD, List.of(), "sqlite"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT));
    }
}

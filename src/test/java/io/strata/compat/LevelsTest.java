package io.strata.compat;

import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordFormatSupport;
import io.strata.compat.record.RecordIncompatibility;
import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Which versions each level compares, in which direction, and how the answers compose into its result. */
class LevelsTest {

    /** Three earlier versions, oldest first, as a history is given. */
    private static final List<String> HISTORY = List.of("v1", "v2", "v3");

    /** Each required comparison as "reader reads writer", in the order the result lists them. */
    private static List<String> required(CompatibilityLevel level) {
        List<String> out = new ArrayList<>();
        for (Levels.Comparison<String> c : Levels.comparisons(level, HISTORY)) {
            for (Direction d : c.required()) {
                out.add(d.reader(c.earlier(), "new") + " reads " + d.writer(c.earlier(), "new"));
            }
        }
        return out;
    }

    static Stream<Arguments> levels() {
        return Stream.of(
                arguments(NONE, List.of()),
                arguments(BACKWARD, List.of("new reads v3")),
                arguments(FORWARD, List.of("v3 reads new")),
                arguments(FULL, List.of("new reads v3", "v3 reads new")),
                arguments(BACKWARD_TRANSITIVE, List.of("new reads v3", "new reads v2", "new reads v1")),
                arguments(FORWARD_TRANSITIVE, List.of("v3 reads new", "v2 reads new", "v1 reads new")),
                arguments(FULL_TRANSITIVE, List.of("new reads v3", "v3 reads new", "new reads v2", "v2 reads new",
                        "new reads v1", "v1 reads new")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void eachLevelComparesTheseVersionsInTheseDirections(CompatibilityLevel level, List<String> expected) {
        assertThat(required(level)).isEqualTo(expected);
    }

    @Test
    void noneRequiresNothingButAsksTheLatestVersionBothWaysToReportIt() {
        assertThat(Levels.comparisons(NONE, HISTORY)).singleElement().satisfies(c -> {
            assertThat(c.earlier()).isEqualTo("v3");
            assertThat(c.required()).isEmpty();
            assertThat(c.requiredRoles()).isEmpty();
            assertThat(c.asked()).containsExactly(Direction.BACKWARD, Direction.FORWARD);
        });
    }

    @ParameterizedTest
    @EnumSource(value = CompatibilityLevel.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherLevelAsksExactlyWhatItRequires(CompatibilityLevel level) {
        assertThat(Levels.comparisons(level, HISTORY)).allSatisfy(c -> {
            assertThat(c.asked()).isEqualTo(c.required()).isEqualTo(level.directions());
            assertThat(c.requiredRoles()).isEqualTo(level.requiredRoles());
        });
    }

    @Test
    void whatACallerLoadsIsTheComparedVersionsInHistoryOrder() {
        assertThat(Levels.compared(BACKWARD, HISTORY)).containsExactly("v3");
        assertThat(Levels.compared(NONE, HISTORY)).containsExactly("v3");
        assertThat(Levels.compared(FULL_TRANSITIVE, HISTORY)).containsExactly("v1", "v2", "v3");
        assertThat(Levels.compared(FORWARD, List.of())).isEmpty();
        assertThat(Levels.compared(FORWARD_TRANSITIVE, List.of())).isEmpty();
    }

    @Test
    void aCheckAgainstOneChosenVersionDropsOnlyTransitivity() {
        assertThat(Stream.of(CompatibilityLevel.values()).map(Levels::againstOneVersion))
                .containsExactly(NONE, BACKWARD, BACKWARD, FORWARD, FORWARD, FULL, FULL);
    }

    private static Finding finding(String code, Effect oldReader, Effect oldWriter, Effect newReader, Effect newWriter) {
        return new Finding(code, null, "shop.orders", Effects.of(oldReader, oldWriter, newReader, newWriter),
                code + " message", "why", "recipe");
    }

    /**
     * Against v1 the new version breaks old writers; against v2 nothing breaks; against v3 (the latest) it
     * breaks new readers. The primitive records what it was asked.
     */
    private static final class Primitive implements Levels.PairCheck<String> {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<Finding> check(String earlier, Set<Direction> directions) {
            asked.add(earlier + " " + directions);
            return switch (earlier) {
                case "v1" -> List.of(finding("DROPPED", Effect.OK, Effect.BREAKS, Effect.OK, Effect.OK));
                case "v2" -> List.of(finding("ADDED", Effect.OK, Effect.OK, Effect.OK, Effect.OK));
                default -> List.of(finding("NARROWED", Effect.OK, Effect.OK, Effect.BREAKS, Effect.OK),
                        finding("WIDENED", Effect.DATA_DEPENDENT, Effect.OK, Effect.OK, Effect.OK));
            };
        }
    }

    private static CompatibilityResult check(CompatibilityLevel level, Primitive primitive) {
        return Levels.check(level, HISTORY, v -> "version " + v.substring(1), "new schema", primitive);
    }

    @Test
    void aFailingPairFailsTheLevelAndFindingsAreLabelledByTheVersionTheyWereComparedTo() {
        Primitive primitive = new Primitive();
        CompatibilityResult result = check(BACKWARD_TRANSITIVE, primitive);

        assertThat(result.compatible()).isFalse();
        assertThat(result.level()).isEqualTo(BACKWARD_TRANSITIVE);
        assertThat(result.comparisons()).extracting(VersionComparison::from, VersionComparison::to,
                        VersionComparison::compatible)
                .containsExactly(tuple("version 3", "new schema", true), tuple("version 2", "new schema", true),
                        tuple("version 1", "new schema", false));
        assertThat(result.findings()).extracting(Finding::code).containsExactly("NARROWED", "WIDENED", "ADDED", "DROPPED");
        assertThat(result.breaking()).extracting(Finding::code).containsExactly("DROPPED");
        assertThat(primitive.asked).containsExactly("v3 [BACKWARD]", "v2 [BACKWARD]", "v1 [BACKWARD]");
    }

    @Test
    void aNonTransitiveLevelAsksTheLatestVersionOnly() {
        Primitive backward = new Primitive();
        CompatibilityResult passes = check(BACKWARD, backward);
        Primitive forward = new Primitive();
        CompatibilityResult fails = check(FORWARD, forward);

        assertThat(passes.compatible()).as("new readers and data-dependent effects do not fail BACKWARD").isTrue();
        assertThat(passes.comparisons()).extracting(VersionComparison::from).containsExactly("version 3");
        assertThat(backward.asked).containsExactly("v3 [BACKWARD]");
        assertThat(fails.compatible()).isFalse();
        assertThat(fails.breaking()).extracting(Finding::code).containsExactly("NARROWED");
        assertThat(forward.asked).containsExactly("v3 [FORWARD]");
    }

    @Test
    void fullAsksBothDirectionsOfEachPairAtOnce() {
        Primitive primitive = new Primitive();

        assertThat(check(FULL_TRANSITIVE, primitive).compatible()).isFalse();
        assertThat(primitive.asked).containsExactly("v3 [BACKWARD, FORWARD]", "v2 [BACKWARD, FORWARD]",
                "v1 [BACKWARD, FORWARD]");
    }

    @Test
    void noneNeverFailsButReportsTheLatestComparison() {
        Primitive primitive = new Primitive();
        CompatibilityResult result = check(NONE, primitive);

        assertThat(result.compatible()).isTrue();
        assertThat(result.comparisons()).singleElement().satisfies(c -> assertThat(c.compatible()).isTrue());
        assertThat(result.findings()).extracting(Finding::code).containsExactly("NARROWED", "WIDENED");
        assertThat(result.breaking()).isEmpty();
        assertThat(primitive.asked).containsExactly("v3 [BACKWARD, FORWARD]");
    }

    @Test
    void aFirstVersionIsCompatibleWithoutAskingThePrimitive() {
        Primitive primitive = new Primitive();
        CompatibilityResult result = Levels.check(FULL_TRANSITIVE, List.of(), v -> v, "new schema", primitive);

        assertThat(result.compatible()).isTrue();
        assertThat(result.comparisons()).isEmpty();
        assertThat(primitive.asked).isEmpty();
    }

    /** A record format whose schemas are their names: it reports every (reader, writer) pair it is asked. */
    private static final class AskedPairs implements RecordFormatSupport<String> {
        final List<String> asked = new ArrayList<>();

        @Override
        public RecordFormat format() {
            return RecordFormat.AVRO;
        }

        @Override
        public String parse(String label, String text, Map<String, String> imports) {
            return text;
        }

        @Override
        public RecordSchema envelope(String label, String schema) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RecordIncompatibility> incompatibilities(String reader, String writer) {
            asked.add(reader + " reads " + writer);
            return List.of(new RecordIncompatibility("CANNOT_READ", "/" + reader + "/" + writer, reader + " cannot read "
                    + writer, "why", "recipe"));
        }
    }

    @Test
    void theRecordPrimitiveSwapsReaderAndWriterForward() {
        List<RecordCompatibility.Version<String>> versions = Stream.of("v1", "v2", "v3", "new")
                .map(v -> new RecordCompatibility.Version<>(v + ".avsc", v)).toList();
        AskedPairs support = new AskedPairs();

        CompatibilityResult full = RecordCompatibility.check(FULL_TRANSITIVE, versions, support);

        assertThat(support.asked).containsExactly("new reads v3", "v3 reads new", "new reads v2", "v2 reads new",
                "new reads v1", "v1 reads new");
        assertThat(full.comparisons()).extracting(VersionComparison::from).containsExactly("v3.avsc", "v2.avsc", "v1.avsc");
        // A failure to read breaks whoever wrote the data: the old writer BACKWARD, the new writer FORWARD.
        assertThat(full.comparisons().get(0).findings()).extracting(Finding::location, Finding::breaks)
                .containsExactly(tuple("/new/v3", EnumSet.of(Role.OLD_WRITER)), tuple("/v3/new", EnumSet.of(Role.NEW_WRITER)));
        assertThat(full.compatible()).isFalse();
    }
}

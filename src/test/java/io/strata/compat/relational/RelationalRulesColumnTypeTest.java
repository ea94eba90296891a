package io.strata.compat.relational;

import io.strata.compat.Effect;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.model.ColumnType;
import io.strata.model.change.SchemaChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.strata.compat.relational.Fixtures.MYSQL;
import static io.strata.compat.relational.Fixtures.PG;
import static io.strata.compat.relational.Fixtures.retype;
import static io.strata.compat.relational.Types.array;
import static io.strata.compat.relational.Types.bigint;
import static io.strata.compat.relational.Types.bool;
import static io.strata.compat.relational.Types.bytea;
import static io.strata.compat.relational.Types.character;
import static io.strata.compat.relational.Types.date;
import static io.strata.compat.relational.Types.doublePrecision;
import static io.strata.compat.relational.Types.enumRef;
import static io.strata.compat.relational.Types.integer;
import static io.strata.compat.relational.Types.interval;
import static io.strata.compat.relational.Types.json;
import static io.strata.compat.relational.Types.jsonb;
import static io.strata.compat.relational.Types.myBinary;
import static io.strata.compat.relational.Types.myBlob;
import static io.strata.compat.relational.Types.myDatetime;
import static io.strata.compat.relational.Types.myDecimal;
import static io.strata.compat.relational.Types.myDouble;
import static io.strata.compat.relational.Types.myEnum;
import static io.strata.compat.relational.Types.myInt;
import static io.strata.compat.relational.Types.mySet;
import static io.strata.compat.relational.Types.myText;
import static io.strata.compat.relational.Types.myTimestamp;
import static io.strata.compat.relational.Types.myVarbinary;
import static io.strata.compat.relational.Types.myVarchar;
import static io.strata.compat.relational.Types.numeric;
import static io.strata.compat.relational.Types.other;
import static io.strata.compat.relational.Types.real;
import static io.strata.compat.relational.Types.smallint;
import static io.strata.compat.relational.Types.text;
import static io.strata.compat.relational.Types.time;
import static io.strata.compat.relational.Types.timestamp;
import static io.strata.compat.relational.Types.timestamptz;
import static io.strata.compat.relational.Types.timetz;
import static io.strata.compat.relational.Types.uuid;
import static io.strata.compat.relational.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Column type changes: widening, narrowing, range changes, representation, time zones, unrelated types. */
class RelationalRulesColumnTypeTest {

    private static final String WIDENED = "COLUMN_TYPE_WIDENED";
    private static final String NARROWED = "COLUMN_TYPE_NARROWED";
    private static final String RANGE = "COLUMN_TYPE_RANGE_CHANGED";
    private static final String REPRESENTATION = "COLUMN_TYPE_REPRESENTATION_CHANGED";
    private static final String ZONE = "COLUMN_TYPE_TIME_ZONE_CHANGED";
    private static final String EQUIVALENT = "COLUMN_TYPE_EQUIVALENT";
    private static final String INCOMPATIBLE = "COLUMN_TYPE_INCOMPATIBLE";

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg(WIDENED, retype(varchar(10), varchar(20)), retype(varchar(20), varchar(10))),
                RuleCase.pg(NARROWED, retype(varchar(20), varchar(10)), retype(varchar(10), varchar(20))),
                RuleCase.pg(EQUIVALENT, retype(varchar(null), text()), retype(varchar(10), text())),
                RuleCase.mysql(RANGE, retype(myInt("int", false), myInt("int", true)),
                        retype(myInt("int", false), myInt("bigint", false))),
                RuleCase.pg(REPRESENTATION, retype(character(10), varchar(10)), retype(varchar(10), varchar(12))),
                RuleCase.pg(ZONE, retype(timestamp(null), timestamptz(null)), retype(timestamp(3), timestamp(6))),
                RuleCase.pg(INCOMPATIBLE, retype(integer(), text()), retype(integer(), bigint())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    static Stream<Arguments> typeChanges() {
        return Stream.of(
                // integers, signed and unsigned
                change(PG, smallint(), integer(), WIDENED),
                change(PG, integer(), bigint(), WIDENED),
                change(PG, bigint(), integer(), NARROWED),
                change(MYSQL, myInt("mediumint", false), myInt("int", false), WIDENED),
                change(MYSQL, myInt("int", true), myInt("bigint", false), WIDENED),
                change(MYSQL, myInt("int", true), myInt("int", false), RANGE),
                change(MYSQL, myInt("tinyint", false), myInt("tinyint", true), RANGE),
                change(MYSQL, myInt("tinyint", true), myInt("smallint", false), WIDENED),
                change(MYSQL, myInt("bigint", true), myInt("bigint", false), RANGE),
                // exact decimals: integer digits and scale
                change(PG, numeric(10, 2), numeric(12, 2), WIDENED),
                change(PG, numeric(12, 2), numeric(10, 2), NARROWED),
                change(PG, numeric(10, 2), numeric(12, 4), WIDENED),
                change(PG, numeric(10, 2), numeric(10, 4), RANGE),
                change(PG, numeric(10, 2), numeric(), WIDENED),
                change(PG, numeric(), numeric(10, 2), NARROWED),
                change(PG, integer(), numeric(10, 0), WIDENED),
                change(PG, integer(), numeric(9, 0), NARROWED),
                change(PG, numeric(10, 2), bigint(), RANGE),
                change(MYSQL, myDecimal(10, 2, false), myDecimal(10, 2, true), NARROWED),
                // floats, and floats meeting exact numbers
                change(PG, real(), doublePrecision(), WIDENED),
                change(PG, doublePrecision(), real(), NARROWED),
                change(PG, integer(), doublePrecision(), WIDENED),
                change(PG, integer(), real(), RANGE),
                change(PG, bigint(), doublePrecision(), RANGE),
                change(PG, doublePrecision(), integer(), NARROWED),
                change(PG, numeric(10, 2), doublePrecision(), RANGE),
                change(MYSQL, myDouble(), myDecimal(10, 2, false), RANGE),
                // strings, per dialect
                change(PG, varchar(10), text(), WIDENED),
                change(PG, text(), varchar(10), NARROWED),
                change(PG, text(), varchar(null), EQUIVALENT),
                change(PG, character(10), varchar(20), WIDENED, REPRESENTATION),
                change(PG, varchar(10), character(5), NARROWED, REPRESENTATION),
                change(PG, character(10), character(12), WIDENED),
                change(MYSQL, myVarchar(255), myText("text"), WIDENED),
                // 20000 utf8mb4 characters need up to 80000 bytes; TEXT takes 65535 bytes, which can be 65535 characters
                change(MYSQL, myVarchar(20_000), myText("text"), RANGE),
                change(MYSQL, myText("text"), myVarchar(255), NARROWED),
                change(MYSQL, myText("text"), myVarchar(20_000), RANGE),
                change(MYSQL, json(), myText("longtext"), WIDENED),
                change(MYSQL, json(), myText("mediumtext"), RANGE),
                change(MYSQL, myVarchar(255), myText("tinytext"), NARROWED),
                change(MYSQL, myText("tinytext"), myVarchar(255), WIDENED),
                change(MYSQL, myText("text"), myText("mediumtext"), WIDENED),
                change(MYSQL, myText("longtext"), myText("text"), NARROWED),
                change(MYSQL, myEnum("a", "bb"), myVarchar(10), WIDENED, REPRESENTATION),
                change(MYSQL, myVarchar(10), myEnum("a", "bb"), NARROWED, REPRESENTATION),
                change(MYSQL, myEnum("a", "b"), mySet("a", "b"), INCOMPATIBLE),
                // strings with a format
                // jsonb refuses escaped NUL characters and numbers beyond numeric's range, which json keeps as text
                change(PG, json(), jsonb(), NARROWED, REPRESENTATION),
                change(PG, jsonb(), json(), WIDENED, REPRESENTATION),
                change(PG, text(), jsonb(), NARROWED),
                change(PG, json(), text(), WIDENED),
                change(PG, json(), varchar(100), RANGE),
                change(PG, uuid(), text(), WIDENED),
                change(PG, uuid(), varchar(20), RANGE),
                change(PG, text(), uuid(), NARROWED),
                // binary
                change(MYSQL, myVarbinary(10), myVarbinary(20), WIDENED),
                change(MYSQL, myBlob("blob"), myBlob("tinyblob"), NARROWED),
                change(MYSQL, myBinary(16), myVarbinary(16), REPRESENTATION),
                change(PG, bytea(), text(), INCOMPATIBLE),
                // temporal
                change(PG, timestamp(3), timestamp(6), WIDENED),
                change(PG, timestamp(6), timestamp(3), NARROWED),
                change(PG, timestamp(null), timestamp(6), EQUIVALENT),
                change(MYSQL, myDatetime(null), myDatetime(3), WIDENED),
                change(PG, date(), timestamp(null), WIDENED),
                change(PG, timestamp(null), date(), NARROWED),
                change(PG, timestamptz(null), timestamp(null), ZONE),
                change(PG, date(), timestamptz(null), ZONE),
                change(PG, time(), timetz(), ZONE),
                change(MYSQL, myDatetime(null), myTimestamp(), ZONE),
                change(PG, time(), timestamp(null), INCOMPATIBLE),
                change(PG, interval(), time(), INCOMPATIBLE),
                // unrelated, arrays, and types known only by name
                change(PG, bool(), integer(), INCOMPATIBLE),
                change(PG, integer(), varchar(20), INCOMPATIBLE),
                change(PG, date(), text(), INCOMPATIBLE),
                change(PG, array(integer()), array(bigint()), WIDENED),
                change(PG, array(integer()), integer(), INCOMPATIBLE),
                change(PG, other("inet"), other("cidr"), INCOMPATIBLE),
                change(PG, other("CITEXT"), other("citext"), EQUIVALENT),
                change(PG, text(), other("citext"), INCOMPATIBLE),
                // MySQL's boolean is tinyint(1); PostgreSQL's is its own type
                change(MYSQL, bool(), myInt("tinyint", false), EQUIVALENT),
                change(MYSQL, bool(), myInt("int", false), WIDENED),
                change(PG, bool(), smallint(), INCOMPATIBLE),
                // PostgreSQL enum types: a named subset of text that sorts by declaration
                change(PG, enumRef("mood"), enumRef("feeling"), INCOMPATIBLE),
                change(PG, enumRef("mood"), text(), WIDENED, REPRESENTATION),
                change(PG, text(), enumRef("mood"), NARROWED, REPRESENTATION));
    }

    private static Arguments change(String dialect, ColumnType from, ColumnType to, String... codes) {
        return arguments(dialect, from.sql(), to.sql(), retype(from, to), List.of(codes));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("typeChanges")
    void classifiesTypeChange(String dialect, String from, String to, SchemaChange change,
                              List<String> expected) {
        assertThat(RuleCase.codes(dialect, change)).containsExactlyElementsOf(expected);
    }

    @Test
    void intToBigintBreaksNewWritersAndIsDataDependentForOldReaders() {
        Finding finding = RelationalRules.classify(PG, List.of(retype(integer(), bigint()))).get(0);

        // new writers may write a bigint above 2^31, which the old integer column cannot hold
        assertThat(finding.effects()).containsEntry(Role.OLD_READER, Effect.DATA_DEPENDENT)
                .containsEntry(Role.OLD_WRITER, Effect.OK)
                .containsEntry(Role.NEW_READER, Effect.OK)
                .containsEntry(Role.NEW_WRITER, Effect.BREAKS);
        assertThat(finding.dataDependent()).isFalse();
        assertThat(finding.message()).isEqualTo("type of column \"shop.orders.c\" widened from integer to bigint "
                + "(breaks new writer; data-dependent for old reader)");
    }

    @Test
    void narrowingBreaksOldWriters() {
        Finding finding = RelationalRules.classify(PG, List.of(retype(bigint(), integer()))).get(0);

        assertThat(finding.effects()).containsEntry(Role.OLD_WRITER, Effect.BREAKS);
        assertThat(finding.breaks()).containsExactly(Role.OLD_WRITER, Role.NEW_READER);
        assertThat(finding.dataDependent()).isFalse();
    }

    @Test
    void anUnchangedTypeMakesNoTypeFinding() {
        assertThat(RuleCase.codes(PG, retype(integer(), integer()))).containsExactly("NO_DIFFERENCE");
    }
}

package io.strata.compat.relational;

import io.strata.compat.CompatibilityChecker;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.LabelledChanges;
import io.strata.model.ColumnType;
import io.strata.model.EnumType;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.ModifyEnum;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.strata.compat.CompatibilityLevel.BACKWARD;
import static io.strata.compat.CompatibilityLevel.FORWARD;
import static io.strata.compat.CompatibilityLevel.FULL;
import static io.strata.compat.relational.Fixtures.MYSQL;
import static io.strata.compat.relational.Fixtures.PG;
import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.modify;
import static io.strata.compat.relational.Fixtures.nullable;
import static io.strata.compat.relational.Fixtures.required;
import static io.strata.compat.relational.Fixtures.retype;
import static io.strata.compat.relational.Types.array;
import static io.strata.compat.relational.Types.bigint;
import static io.strata.compat.relational.Types.character;
import static io.strata.compat.relational.Types.date;
import static io.strata.compat.relational.Types.doublePrecision;
import static io.strata.compat.relational.Types.integer;
import static io.strata.compat.relational.Types.myDatetime;
import static io.strata.compat.relational.Types.myDecimal;
import static io.strata.compat.relational.Types.myEnum;
import static io.strata.compat.relational.Types.myInt;
import static io.strata.compat.relational.Types.myText;
import static io.strata.compat.relational.Types.myVarbinary;
import static io.strata.compat.relational.Types.myVarchar;
import static io.strata.compat.relational.Types.numeric;
import static io.strata.compat.relational.Types.real;
import static io.strata.compat.relational.Types.smallint;
import static io.strata.compat.relational.Types.text;
import static io.strata.compat.relational.Types.timestamp;
import static io.strata.compat.relational.Types.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The one widening rule, over type pairs of every family in both dialects: a level fails when a role it
 * requires breaks or may break on data the other side is allowed to write. A widening passes BACKWARD (new
 * readers read every old value) and fails FORWARD and FULL (new writers may write what the old schema
 * cannot hold), as an Avro int to long does; the narrowing back is its mirror image.
 */
class WideningRuleTest {

    private static final Map<CompatibilityLevel, Boolean> WIDENING = Map.of(BACKWARD, true, FORWARD, false, FULL, false);
    private static final Map<CompatibilityLevel, Boolean> NARROWING = Map.of(BACKWARD, false, FORWARD, true, FULL, false);

    /** A widening of each family, per dialect: old type, new type. */
    private static List<Object[]> widenings() {
        return List.of(
                new Object[] {PG, smallint(), integer()},
                new Object[] {PG, integer(), bigint()},
                new Object[] {PG, varchar(10), varchar(20)},
                new Object[] {PG, varchar(50), varchar(100)},
                new Object[] {PG, varchar(10), text()},
                new Object[] {PG, character(10), varchar(20)},
                new Object[] {PG, numeric(10, 2), numeric(12, 2)},
                new Object[] {PG, integer(), numeric(12, 0)},
                new Object[] {PG, real(), doublePrecision()},
                new Object[] {PG, timestamp(3), timestamp(6)},
                new Object[] {PG, date(), timestamp(null)},
                new Object[] {PG, array(integer()), array(bigint())},
                new Object[] {MYSQL, myInt("int", false), myInt("bigint", false)},
                new Object[] {MYSQL, myInt("int", true), myInt("bigint", false)},
                new Object[] {MYSQL, myVarchar(10), myVarchar(20)},
                new Object[] {MYSQL, myVarchar(50), myVarchar(100)},
                new Object[] {MYSQL, myVarchar(255), myText("text")},
                new Object[] {MYSQL, myText("text"), myText("mediumtext")},
                new Object[] {MYSQL, myDecimal(10, 2, false), myDecimal(12, 2, false)},
                new Object[] {MYSQL, myDatetime(null), myDatetime(3)},
                new Object[] {MYSQL, myVarbinary(10), myVarbinary(20)},
                new Object[] {MYSQL, myEnum("a", "b"), myEnum("a", "b", "c")});
    }

    static Stream<Arguments> verdicts() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] w : widenings()) {
            String dialect = (String) w[0];
            ColumnType from = (ColumnType) w[1];
            ColumnType to = (ColumnType) w[2];
            add(out, dialect, from.sql() + " -> " + to.sql(), retype(from, to), WIDENING);
            add(out, dialect, to.sql() + " -> " + from.sql(), retype(to, from), NARROWING);
        }
        for (String dialect : List.of(PG, MYSQL)) {
            ColumnType type = dialect.equals(PG) ? integer() : myInt("int", false);
            add(out, dialect, "NOT NULL -> NULL", modify(required("c", type), nullable("c", type),
                    ColumnChangeKind.NULLABILITY), WIDENING);
            add(out, dialect, "NULL -> NOT NULL", modify(nullable("c", type), required("c", type),
                    ColumnChangeKind.NULLABILITY), NARROWING);
        }
        EnumType two = new EnumType("mood", List.of("ok", "sad"));
        EnumType three = new EnumType("mood", List.of("ok", "sad", "glad"));
        add(out, PG, "enum mood + glad", new ModifyEnum(SCHEMA, two, three), WIDENING);
        add(out, PG, "enum mood - glad", new ModifyEnum(SCHEMA, three, two), NARROWING);
        return out.stream();
    }

    private static void add(List<Arguments> out, String dialect, String name, SchemaChange change,
                            Map<CompatibilityLevel, Boolean> expected) {
        for (CompatibilityLevel level : List.of(BACKWARD, FORWARD, FULL)) {
            out.add(arguments(dialect, name, level, change, expected.get(level)));
        }
    }

    @ParameterizedTest(name = "{0}: {1} at {2} -> compatible {4}")
    @MethodSource("verdicts")
    void followsTheOneWideningRule(String dialect, String name, CompatibilityLevel level, SchemaChange change,
                                   boolean compatible) {
        CompatibilityResult result = CompatibilityChecker.check(level,
                List.of(new LabelledChanges("001.sql", "002.sql", List.of(change))), dialect);

        assertThat(result.compatible()).as("%s %s at %s: %s", dialect, name, level, result.findings())
                .isEqualTo(compatible);
    }
}

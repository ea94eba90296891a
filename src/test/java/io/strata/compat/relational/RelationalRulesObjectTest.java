package io.strata.compat.relational;

import io.strata.model.Collation;
import io.strata.model.Extension;
import io.strata.model.Sequence;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddExtension;
import io.strata.model.change.SchemaChange.AddSchema;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropExtension;
import io.strata.model.change.SchemaChange.DropSchema;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifySequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.strata.compat.relational.Fixtures.PG;
import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.schema;
import static io.strata.compat.relational.Fixtures.sequence;
import static org.assertj.core.api.Assertions.assertThat;

/** Schemas, extensions, sequences and collations. */
class RelationalRulesObjectTest {

    private static final Extension TRGM = new Extension("pg_trgm", "public", "1.6");
    private static final Sequence NUMBERS = sequence("order_numbers", 1, 1_000_000, 1);
    private static final Collation NUMERIC = new Collation("numeric", "icu", "en-u-kn-true", null, null, true, null, null);
    private static final Collation NUMERIC_CASE_INSENSITIVE =
            new Collation("numeric", "icu", "en-u-kn-true-ks-level2", null, null, false, null, null);
    private static final Collation NUMERIC_DOCUMENTED =
            new Collation("numeric", "icu", "en-u-kn-true", null, null, true, null, "sorts digits by value");

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("SCHEMA_ADDED", new AddSchema(schema("billing")), new DropSchema(schema("billing"))),
                RuleCase.pg("SCHEMA_DROPPED", new DropSchema(schema("billing")), new AddSchema(schema("billing"))),
                RuleCase.pg("EXTENSION_ADDED", new AddExtension(TRGM), new DropExtension(TRGM)),
                RuleCase.pg("EXTENSION_DROPPED", new DropExtension(TRGM), new AddExtension(TRGM)),
                RuleCase.pg("SEQUENCE_ADDED", new AddSequence(SCHEMA, NUMBERS), new DropSequence(SCHEMA, NUMBERS)),
                RuleCase.pg("SEQUENCE_DROPPED", new DropSequence(SCHEMA, NUMBERS), new AddSequence(SCHEMA, NUMBERS)),
                RuleCase.pg("SEQUENCE_RANGE_NARROWED", new ModifySequence(SCHEMA, NUMBERS, sequence("order_numbers", 1, 1000, 1)),
                        new ModifySequence(SCHEMA, NUMBERS, sequence("order_numbers", 1, 10_000_000, 1))),
                RuleCase.pg("SEQUENCE_RANGE_WIDENED", new ModifySequence(SCHEMA, NUMBERS, sequence("order_numbers", 1, 10_000_000, 1)),
                        new ModifySequence(SCHEMA, NUMBERS, sequence("order_numbers", 1, 1000, 1))),
                RuleCase.pg("SEQUENCE_OPTIONS_CHANGED", new ModifySequence(SCHEMA, NUMBERS, sequence("order_numbers", 1, 1_000_000, 10)),
                        new ModifySequence(SCHEMA, NUMBERS, sequence("order_numbers", 1, 1000, 1))),
                RuleCase.pg("COLLATION_ADDED", new AddCollation(SCHEMA, NUMERIC), new DropCollation(SCHEMA, NUMERIC)),
                RuleCase.pg("COLLATION_DROPPED", new DropCollation(SCHEMA, NUMERIC), new AddCollation(SCHEMA, NUMERIC)),
                // the near miss changes only the comment, which says nothing about how strings compare
                RuleCase.pg("COLLATION_CHANGED", new ModifyCollation(SCHEMA, NUMERIC, NUMERIC_CASE_INSENSITIVE),
                        new ModifyCollation(SCHEMA, NUMERIC, NUMERIC_DOCUMENTED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void aSequenceWhoseRangeMovesIsBothNarrowedAndWidened() {
        var moved = new ModifySequence(SCHEMA, NUMBERS, sequence("order_numbers", 100, 10_000_000, 1));

        assertThat(RuleCase.codes(PG, moved)).containsExactly("SEQUENCE_RANGE_NARROWED", "SEQUENCE_RANGE_WIDENED");
    }

    @Test
    void aCollationWhoseCommentChangesHasOnlyACommentChange() {
        assertThat(RuleCase.codes(PG, new ModifyCollation(SCHEMA, NUMERIC, NUMERIC_DOCUMENTED)))
                .containsExactly("COMMENT_CHANGED");
    }

    @Test
    void anUnchangedCollationHasNoDifference() {
        assertThat(RuleCase.codes(PG, new ModifyCollation(SCHEMA, NUMERIC, NUMERIC))).containsExactly("NO_DIFFERENCE");
    }

    @Test
    void anUnchangedSequenceHasNoDifference() {
        assertThat(RuleCase.codes(PG, new ModifySequence(SCHEMA, NUMBERS, NUMBERS))).containsExactly("NO_DIFFERENCE");
    }
}

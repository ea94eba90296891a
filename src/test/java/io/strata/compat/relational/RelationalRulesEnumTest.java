package io.strata.compat.relational;

import io.strata.model.EnumType;
import io.strata.model.change.SchemaChange.AddEnum;
import io.strata.model.change.SchemaChange.DropEnum;
import io.strata.model.change.SchemaChange.ModifyEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.strata.compat.relational.Fixtures.MYSQL;
import static io.strata.compat.relational.Fixtures.PG;
import static io.strata.compat.relational.Fixtures.SCHEMA;
import static io.strata.compat.relational.Fixtures.retype;
import static io.strata.compat.relational.Types.myEnum;
import static io.strata.compat.relational.Types.mySet;
import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL enum types and MySQL ENUM / SET members: added, removed, reordered. */
class RelationalRulesEnumTest {

    private static EnumType mood(String... labels) {
        return new EnumType("mood", List.of(labels));
    }

    private static ModifyEnum modify(EnumType from, EnumType to) {
        return new ModifyEnum(SCHEMA, from, to);
    }

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("ENUM_TYPE_ADDED", new AddEnum(SCHEMA, mood("sad", "ok")), new DropEnum(SCHEMA, mood("sad", "ok"))),
                RuleCase.pg("ENUM_TYPE_DROPPED", new DropEnum(SCHEMA, mood("sad", "ok")), new AddEnum(SCHEMA, mood("sad", "ok"))),
                RuleCase.pg("ENUM_VALUE_ADDED", modify(mood("sad", "ok"), mood("sad", "ok", "happy")),
                        modify(mood("sad", "ok", "happy"), mood("sad", "ok"))),
                RuleCase.pg("ENUM_VALUE_REMOVED", modify(mood("sad", "ok", "happy"), mood("sad", "ok")),
                        modify(mood("sad", "ok"), mood("sad", "ok", "happy"))),
                RuleCase.pg("ENUM_VALUES_REORDERED", modify(mood("sad", "ok", "happy"), mood("happy", "ok", "sad")),
                        modify(mood("sad", "ok"), mood("sad", "meh", "ok"))),
                RuleCase.mysql("ENUM_VALUE_ADDED", retype(myEnum("new", "paid"), myEnum("new", "paid", "shipped")),
                        retype(myEnum("new", "paid"), myEnum("paid", "new"))),
                RuleCase.mysql("ENUM_VALUE_REMOVED", retype(mySet("gift", "express"), mySet("gift")),
                        retype(mySet("gift"), mySet("gift", "express"))),
                RuleCase.mysql("ENUM_VALUES_REORDERED", retype(myEnum("new", "paid"), myEnum("paid", "new")),
                        retype(myEnum("new", "paid"), myEnum("new", "paid", "shipped"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void aLabelInsertedInTheMiddleKeepsTheOrderOfTheOthers() {
        assertThat(RuleCase.codes(PG, modify(mood("sad", "ok"), mood("sad", "meh", "ok")))).containsExactly("ENUM_VALUE_ADDED");
    }

    @Test
    void aRenamedLabelIsARemovalAndAnAddition() {
        assertThat(RuleCase.codes(PG, modify(mood("sad", "ok"), mood("sad", "fine"))))
                .containsExactly("ENUM_VALUE_ADDED", "ENUM_VALUE_REMOVED");
    }

    @Test
    void messagesNameTheValues() {
        var finding = RelationalRules.classify(MYSQL, List.of(retype(myEnum("new", "paid"), myEnum("new", "paid", "shipped")))).get(0);

        assertThat(finding.message()).isEqualTo("ENUM column \"shop.orders.c\" gained value(s) 'shipped' "
                + "(breaks new writer; data-dependent for old reader)");
        assertThat(finding.dataDependent()).isFalse();
    }

    @Test
    void anUnchangedEnumHasNoDifference() {
        assertThat(RuleCase.codes(PG, modify(mood("sad"), mood("sad")))).containsExactly("NO_DIFFERENCE");
    }
}

package io.strata.compat.relational;

import io.strata.compat.Effect;
import io.strata.compat.Finding;
import io.strata.compat.Role;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;
import io.strata.model.change.SchemaChange.AddObject;
import io.strata.model.change.SchemaChange.DropObject;
import io.strata.model.change.SchemaChange.ModifyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.strata.compat.relational.Fixtures.MYSQL;
import static io.strata.compat.relational.Fixtures.PG;
import static io.strata.compat.relational.Fixtures.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

/** Functions, procedures, triggers, policies, grants and events. */
class RelationalRulesDefinedObjectTest {

    private static final DefinedObject TOTAL = new DefinedObject(ObjectKind.FUNCTION, "order_total(integer)", null,
            "CREATE OR REPLACE FUNCTION shop.order_total(o integer) RETURNS numeric LANGUAGE sql AS $$ SELECT 1 $$");
    private static final DefinedObject TOTAL_WITH_TAX = new DefinedObject(ObjectKind.FUNCTION, "order_total(integer)", null,
            "CREATE OR REPLACE FUNCTION shop.order_total(o integer) RETURNS numeric LANGUAGE sql AS $$ SELECT 1.2 $$");
    private static final DefinedObject TOTAL_OF_ORDER_AND_CURRENCY = new DefinedObject(ObjectKind.FUNCTION,
            "order_total(integer, text)", null,
            "CREATE OR REPLACE FUNCTION shop.order_total(o integer, c text) RETURNS numeric LANGUAGE sql AS $$ SELECT 1 $$");
    private static final DefinedObject ARCHIVE = new DefinedObject(ObjectKind.PROCEDURE, "archive_orders", null,
            "CREATE PROCEDURE archive_orders() BEGIN DELETE FROM orders WHERE placed < NOW() - INTERVAL 1 YEAR; END");
    private static final DefinedObject TOUCH = new DefinedObject(ObjectKind.TRIGGER, "orders_touch", "orders",
            "CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch()");
    private static final DefinedObject OWN_ROWS = new DefinedObject(ObjectKind.POLICY, "own_rows", "orders",
            "CREATE POLICY own_rows ON shop.orders USING ((owner = CURRENT_USER))");
    private static final DefinedObject ROW_SECURITY = new DefinedObject(ObjectKind.ROW_SECURITY, "orders", "orders",
            "ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY");
    private static final DefinedObject READ_ORDERS = new DefinedObject(ObjectKind.GRANT, "SELECT to reporting", "orders",
            "GRANT SELECT ON shop.orders TO reporting");
    private static final DefinedObject READ_ORDERS_REGRANTABLE = new DefinedObject(ObjectKind.GRANT, "SELECT to reporting",
            "orders", "GRANT SELECT ON shop.orders TO reporting WITH GRANT OPTION");
    private static final DefinedObject PURGE = new DefinedObject(ObjectKind.EVENT, "purge_sessions", null,
            "CREATE EVENT purge_sessions ON SCHEDULE EVERY 1 HOUR DO DELETE FROM sessions WHERE expires < NOW()");

    static List<RuleCase> cases() {
        return List.of(
                RuleCase.pg("ROUTINE_ADDED", new AddObject(SCHEMA, TOTAL), new DropObject(SCHEMA, TOTAL)),
                RuleCase.mysql("ROUTINE_ADDED", new AddObject(SCHEMA, ARCHIVE), new DropObject(SCHEMA, ARCHIVE)),
                RuleCase.pg("ROUTINE_DROPPED", new DropObject(SCHEMA, TOTAL), new AddObject(SCHEMA, TOTAL)),
                // a second signature next to the old one is an addition: old callers keep theirs
                RuleCase.pg("ROUTINE_DROPPED", new DropObject(SCHEMA, TOTAL), new AddObject(SCHEMA, TOTAL_OF_ORDER_AND_CURRENCY)),
                RuleCase.pg("ROUTINE_BODY_CHANGED", new ModifyObject(SCHEMA, TOTAL, TOTAL_WITH_TAX),
                        new ModifyObject(SCHEMA, TOTAL, TOTAL)),
                RuleCase.pg("TRIGGER_CHANGED", new AddObject(SCHEMA, TOUCH), new AddObject(SCHEMA, TOTAL)),
                RuleCase.pg("POLICY_CHANGED", new AddObject(SCHEMA, OWN_ROWS), new AddObject(SCHEMA, READ_ORDERS)),
                RuleCase.pg("POLICY_CHANGED", new DropObject(SCHEMA, ROW_SECURITY), new DropObject(SCHEMA, TOUCH)),
                RuleCase.pg("GRANT_ADDED", new AddObject(SCHEMA, READ_ORDERS), new DropObject(SCHEMA, READ_ORDERS)),
                RuleCase.pg("GRANT_REVOKED", new DropObject(SCHEMA, READ_ORDERS), new AddObject(SCHEMA, READ_ORDERS)),
                RuleCase.pg("GRANT_REVOKED", new ModifyObject(SCHEMA, READ_ORDERS_REGRANTABLE, READ_ORDERS),
                        new ModifyObject(SCHEMA, READ_ORDERS, READ_ORDERS)),
                RuleCase.mysql("EVENT_CHANGED", new DropObject(SCHEMA, PURGE), new DropObject(SCHEMA, ARCHIVE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesItsCodeButNotOnTheNearMiss(RuleCase c) {
        c.verify();
    }

    @Test
    void aTriggerOfATableIsLocatedOnTheTableAndAffectsWritersOnly() {
        Finding finding = RelationalRules.classify(PG, List.of(new DropObject(SCHEMA, TOUCH))).get(0);

        assertThat(finding.location()).isEqualTo("shop.orders.orders_touch");
        assertThat(finding.message()).startsWith("trigger \"shop.orders.orders_touch\" was dropped");
        assertThat(finding.effects()).containsEntry(Role.OLD_WRITER, Effect.DATA_DEPENDENT)
                .containsEntry(Role.OLD_READER, Effect.OK);
    }

    @Test
    void aRevokedGrantSaysRevokedAndAnEventBreaksNoClient() {
        Finding revoked = RelationalRules.classify(PG, List.of(new DropObject(SCHEMA, READ_ORDERS))).get(0);
        Finding event = RelationalRules.classify(MYSQL, List.of(new AddObject(SCHEMA, PURGE))).get(0);

        assertThat(revoked.message()).startsWith("privilege \"shop.orders.SELECT to reporting\" was revoked");
        assertThat(event.effects().values()).containsOnly(Effect.OK);
    }

    @Test
    void anUnchangedDefinitionHasNoDifference() {
        assertThat(RuleCase.codes(PG, new ModifyObject(SCHEMA, TOUCH, TOUCH))).containsExactly("NO_DIFFERENCE");
    }
}

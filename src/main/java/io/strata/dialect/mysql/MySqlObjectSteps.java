package io.strata.dialect.mysql;

import io.strata.dialect.mysql.MySqlStepOrder.Slot;
import io.strata.error.StrataException;
import io.strata.model.change.SchemaChange;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;

import static io.strata.dialect.mysql.MySqlPlanContext.METADATA;

/**
 * MySqlObjectSteps writes the steps for the objects besides tables and views. In MySQL that is the database
 * itself, with its default character set, collation and comment.
 */
final class MySqlObjectSteps {

    private final MySqlPlanContext ctx;

    MySqlObjectSteps(MySqlPlanContext ctx) {
        this.ctx = ctx;
    }

    /** ALTER DATABASE for the connection's database; its previous defaults are the reverse. */
    void modifySchema(SchemaChange.ModifySchema change) {
        String forward = ctx.clauses().databaseDefaults(change.to());
        String backward = ctx.clauses().databaseDefaults(change.from());
        Reverse reverse = backward.isEmpty()
                ? new Reverse.Irreversible("database " + change.location() + " had no defaults to restore")
                : Reverse.Sql.of("ALTER DATABASE" + backward);
        if (forward.isEmpty()) {
            throw StrataException.badInput("database " + change.location()
                    + " loses its defaults, which MySQL cannot express: state the character set and collation");
        }
        ctx.order().add(PhaseKind.EXPAND, Slot.DATABASE_OPTIONS, change,
                "change defaults of database " + change.location(), "ALTER DATABASE" + forward, reverse, METADATA);
    }
}

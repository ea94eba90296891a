package io.strata.dialect.mysql;

import io.strata.dialect.DdlRenderer;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.DefinedObject;
import io.strata.model.ForeignKey;
import io.strata.model.ObjectKind;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySqlRenderer writes the DDL that rebuilds one MySQL/MariaDB database: the database defaults,
 * every table, then the foreign keys (so table order never matters), then the functions and procedures, the views
 * in dependency order (a view may call a function), the triggers and the events. Names are unqualified, so the statements apply to whatever database the connection uses.
 */
public final class MySqlRenderer implements DdlRenderer {

    private final MySqlTableRenderer tables;
    private final MySqlClauses clauses;

    public MySqlRenderer(MySqlQuoter quoter) {
        this.tables = new MySqlTableRenderer(quoter);
        this.clauses = new MySqlClauses(quoter);
    }

    /** Statements for the catalog's one database; a catalog of several databases is a BAD_INPUT error. */
    @Override
    public List<String> createStatements(Catalog catalog) {
        if (catalog.schemas().size() > 1) {
            throw StrataException.badInput("the MySQL renderer writes one database at a time, but the catalog holds "
                    + catalog.schemas().size() + ": " + catalog.schemas().stream().map(Schema::name)
                    .collect(Collectors.joining(", ")));
        }
        return catalog.schemas().isEmpty() ? List.of() : createStatements(catalog.schemas().get(0));
    }

    /** The kinds of defined objects a MySQL database holds. */
    private static final Set<ObjectKind> MYSQL_OBJECTS = EnumSet.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE,
            ObjectKind.TRIGGER, ObjectKind.EVENT);

    private static void objects(Schema schema, Set<ObjectKind> kinds, List<String> out) {
        schema.objects().stream().filter(o -> kinds.contains(o.kind())).forEach(o -> out.add(o.definition()));
    }

    List<String> createStatements(Schema schema) {
        List<String> out = new ArrayList<>();
        String defaults = clauses.databaseDefaults(schema);
        if (!defaults.isEmpty()) {
            out.add("ALTER DATABASE" + defaults);
        }
        for (Table table : schema.tables()) {
            out.add(tables.createTable(table));
        }
        for (Table table : schema.tables()) {
            for (ForeignKey fk : table.foreignKeys()) {
                out.add(clauses.addForeignKey(table.name(), fk));
            }
        }
        objects(schema, EnumSet.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE), out);
        for (View view : MySqlObjectOrder.views(schema.views())) {
            out.add(clauses.createView(view));
        }
        objects(schema, EnumSet.of(ObjectKind.TRIGGER), out);
        objects(schema, EnumSet.of(ObjectKind.EVENT), out);
        for (DefinedObject object : schema.objects()) {
            if (!MYSQL_OBJECTS.contains(object.kind())) {
                throw StrataException.badInput("cannot write " + object.kind().noun() + " \"" + object.objectName()
                        + "\" for MySQL: it has no such objects in a database");
            }
        }
        return out;
    }

}

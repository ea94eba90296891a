package io.strata.dialect.mysql;

import io.strata.dialect.DdlRenderer;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.ForeignKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MySqlRenderer writes the DDL that rebuilds one MySQL/MariaDB database: the database defaults,
 * every table, then the foreign keys (so table order never matters), then the views in dependency
 * order. Names are unqualified, so the statements apply to whatever database the connection uses.
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
        for (View view : MySqlObjectOrder.views(schema.views())) {
            out.add(clauses.createView(view));
        }
        return out;
    }

}

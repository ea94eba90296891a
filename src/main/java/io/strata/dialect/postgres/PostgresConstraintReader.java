package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresCatalogRows.TableKey;
import io.strata.dialect.postgres.PostgresCatalogRows.TableParts;
import io.strata.model.Check;
import io.strata.model.ForeignKey;
import io.strata.model.PrimaryKey;
import io.strata.model.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.strata.dialect.postgres.PostgresCatalogRows.strings;

/**
 * PostgresConstraintReader reads primary keys, unique constraints, foreign keys, checks and exclusion
 * constraints with the one constraints query, into the tables being assembled.
 */
final class PostgresConstraintReader {

    private static final Map<String, String> FK_ACTIONS = Map.of(
            "a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE", "n", "SET NULL", "d", "SET DEFAULT");

    private final PostgresCatalogRows rows;

    PostgresConstraintReader(PostgresCatalogRows rows) {
        this.rows = rows;
    }

    void read(Connection c, Array names, int versionNum, Map<TableKey, TableParts> tables)
            throws SQLException {
        rows.query(c, PostgresCatalogQueries.constraints(versionNum), names, rs -> {
            TableParts t = tables.get(new TableKey(rs.getString(1), rs.getString(2)));
            if (t == null) {
                return null;
            }
            String name = rs.getString("conname");
            List<String> cols = strings(rs, "cols");
            String deferrable = !rs.getBoolean("condeferrable") ? "NOT DEFERRABLE"
                    : rs.getBoolean("condeferred") ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE INITIALLY IMMEDIATE";
            switch (rs.getString("contype")) {
                case "p" -> {
                    t.primaryKey = new PrimaryKey(name, cols);
                    putDeferrable(t, name, deferrable);
                }
                case "u" -> {
                    t.uniques.add(new UniqueConstraint(name, cols, rs.getBoolean("nulls_not_distinct")));
                    putDeferrable(t, name, deferrable);
                }
                case "f" -> t.foreignKeys.add(new ForeignKey(name, cols, rs.getString("ref_schema"),
                        rs.getString("ref_table"), strings(rs, "ref_cols"), FK_ACTIONS.get(rs.getString("confupdtype")),
                        FK_ACTIONS.get(rs.getString("confdeltype")), deferrable));
                case "c" -> t.checks.add(new Check(name, checkExpression(rs.getString("def")),
                        rs.getBoolean("connoinherit")));
                case "x" -> t.options.put(PostgresInspector.EXCLUSION_PREFIX + name, rs.getString("def"));
                default -> {
                    // the query selects only the kinds above
                }
            }
            return t;
        });
    }

    private static void putDeferrable(TableParts t, String constraint, String deferrable) {
        if (!deferrable.equals("NOT DEFERRABLE")) {
            t.options.put(PostgresInspector.DEFERRABLE_PREFIX + constraint, deferrable);
        }
    }

    /** {@code CHECK (price > 0) NO INHERIT} becomes {@code price > 0}; NO INHERIT has its own field. */
    static String checkExpression(String definition) {
        String def = definition.strip();
        for (String suffix : List.of(" NOT VALID", " NO INHERIT")) {
            if (def.endsWith(suffix)) {
                def = def.substring(0, def.length() - suffix.length()).strip();
            }
        }
        if (def.startsWith("CHECK (") && def.endsWith(")")) {
            return def.substring("CHECK (".length(), def.length() - 1);
        }
        return def;
    }
}

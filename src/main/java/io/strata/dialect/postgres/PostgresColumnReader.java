package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresCatalogRows.TableKey;
import io.strata.dialect.postgres.PostgresCatalogRows.TableParts.NumberedColumn;
import io.strata.model.Column;
import io.strata.model.ColumnType;
import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.EnumRef;
import io.strata.model.ColumnTypes;
import io.strata.model.Identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** PostgresColumnReader reads every column of the inspected tables with the one columns query. */
final class PostgresColumnReader {

    /** A column read by the columns query, with the table it belongs to. */
    record KeyedColumn(TableKey table, NumberedColumn column) {
    }

    private final PostgresCatalogRows rows;
    private final PostgresQuoter quoter;

    PostgresColumnReader(PostgresCatalogRows rows, PostgresQuoter quoter) {
        this.rows = rows;
        this.quoter = quoter;
    }

    List<KeyedColumn> read(Connection c, String[] schemas) throws SQLException {
        return rows.query(c, PostgresCatalogQueries.COLUMNS, new Object[] {schemas}, rs -> new KeyedColumn(
                new TableKey(rs.getString(1), rs.getString(2)), new NumberedColumn(rs.getInt("attnum"), column(rs))));
    }

    private Column column(ResultSet rs) throws SQLException {
        ColumnType type;
        if ("e".equals(rs.getString("typtype"))) {
            type = new EnumRef(rs.getString("type_schema"), rs.getString("typname"));
        } else if ("e".equals(rs.getString("elem_typtype"))) {
            type = new ArrayType(new EnumRef(rs.getString("elem_schema"), rs.getString("elem_name")));
        } else {
            type = ColumnTypes.parse(ColumnTypes.POSTGRES, rs.getString("type_text"));
        }
        String identityKind = switch (rs.getString("attidentity")) {
            case "a" -> Identity.ALWAYS;
            case "d" -> Identity.BY_DEFAULT;
            default -> null;
        };
        Identity identity = null;
        if (identityKind != null) {
            identity = identity(identityKind, rs.getString("identity_sequence").split(","));
        }
        String generated = rs.getString("attgenerated");
        boolean isGenerated = "s".equals(generated) || "v".equals(generated);
        String expr = rs.getString("expr");
        String collation = rs.getString("collation");
        if (collation != null && !"pg_catalog".equals(rs.getString("collation_schema"))) {
            collation = quoter.qualified(rs.getString("collation_schema"), collation);
        }
        return new Column(rs.getString("attname"), type, !rs.getBoolean("attnotnull"),
                isGenerated ? null : expr, identity, isGenerated ? expr : null, "s".equals(generated),
                collation, null, rs.getString("description"), null);
    }

    /**
     * The identity from its sequence's {@code start,increment,min,max,cache,cycle,type}: a bound at the server's
     * default for the type and direction is kept as null, so {@code GENERATED ... AS IDENTITY} and the same with
     * {@code MINVALUE 1} written out compare equal.
     */
    static Identity identity(String kind, String[] seq) {
        long start = Long.parseLong(seq[0]);
        long increment = Long.parseLong(seq[1]);
        long min = Long.parseLong(seq[2]);
        long max = Long.parseLong(seq[3]);
        long typeMax = switch (seq[6]) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = -typeMax - 1;
        Long minValue = min == (increment > 0 ? 1 : typeMin) ? null : Long.valueOf(min);
        Long maxValue = max == (increment > 0 ? typeMax : -1) ? null : Long.valueOf(max);
        boolean cycle = seq[5].startsWith("t");
        return new Identity(kind, start, increment, minValue, maxValue, Long.parseLong(seq[4]), cycle);
    }
}

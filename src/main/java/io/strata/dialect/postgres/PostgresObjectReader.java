package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresCatalogRows.InSchema;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Collation;
import io.strata.model.Sequence;

import java.sql.ResultSet;
import java.sql.SQLException;

/** PostgresObjectReader maps the rows of the sequences and collations queries to model objects. */
final class PostgresObjectReader {

    private PostgresObjectReader() {
    }

    static InSchema<Collation> collation(ResultSet rs) throws SQLException {
        String provider = switch (rs.getString("collprovider")) {
            case "c" -> "libc";
            case "i" -> "icu";
            case "b" -> "builtin";
            case "d" -> "default";
            default -> throw new StrataException(ErrorCode.INTERNAL, "collation \"" + rs.getString("collname")
                    + "\" has unknown provider \"" + rs.getString("collprovider") + "\"");
        };
        return new InSchema<>(rs.getString(1), new Collation(rs.getString("collname"), provider,
                rs.getString("locale"), rs.getString("lc_collate"), rs.getString("lc_ctype"),
                rs.getBoolean("collisdeterministic"), rs.getString("rules"), rs.getString("description")));
    }

    static InSchema<Sequence> sequence(ResultSet rs) throws SQLException {
        String ownerTable = rs.getString("owner_table");
        String ownedBy = ownerTable == null ? null : ownerTable + "." + rs.getString("owner_column");
        return new InSchema<>(rs.getString(1), new Sequence(rs.getString(2), rs.getString("data_type"),
                rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"),
                rs.getLong("seqcache"), rs.getBoolean("seqcycle"), ownedBy));
    }
}

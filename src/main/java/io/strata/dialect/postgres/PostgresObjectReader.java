package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresCatalogRows.InSchema;
import io.strata.dialect.postgres.PostgresCatalogRows.TableKey;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Collation;
import io.strata.model.Index;
import io.strata.model.Sequence;
import io.strata.model.View;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.strata.dialect.postgres.PostgresCatalogRows.sorted;
import static io.strata.dialect.postgres.PostgresCatalogRows.strings;

/** PostgresObjectReader maps the rows of the views, sequences and collations queries to model objects. */
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

    static InSchema<View> view(ResultSet rs, Map<TableKey, List<Index>> indexes) throws SQLException {
        String def = rs.getString("def").strip();
        if (def.endsWith(";")) {
            def = def.substring(0, def.length() - 1);
        }
        List<Index> own = indexes.getOrDefault(new TableKey(rs.getString(1), rs.getString(2)), List.of());
        return new InSchema<>(rs.getString(1), new View(rs.getString(2), def, rs.getBoolean("materialized"),
                strings(rs, "cols"), rs.getString("description"), null, sorted(own, Index::name)));
    }

    static InSchema<Sequence> sequence(ResultSet rs) throws SQLException {
        String ownerTable = rs.getString("owner_table");
        String ownedBy = ownerTable == null ? null : ownerTable + "." + rs.getString("owner_column");
        return new InSchema<>(rs.getString(1), new Sequence(rs.getString(2), rs.getString("data_type"),
                rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"),
                rs.getLong("seqcache"), rs.getBoolean("seqcycle"), ownedBy));
    }
}

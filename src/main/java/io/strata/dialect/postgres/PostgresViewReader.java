package io.strata.dialect.postgres;

import io.strata.dialect.postgres.PostgresCatalogRows.InSchema;
import io.strata.dialect.postgres.PostgresCatalogRows.TableKey;
import io.strata.model.Index;
import io.strata.model.View;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.strata.dialect.postgres.PostgresCatalogRows.groupBySchema;
import static io.strata.dialect.postgres.PostgresCatalogRows.sorted;
import static io.strata.dialect.postgres.PostgresCatalogRows.strings;

/** PostgresViewReader reads views and materialized views, with the indexes of the latter, in one views query. */
final class PostgresViewReader {

    private final PostgresCatalogRows rows;

    PostgresViewReader(PostgresCatalogRows rows) {
        this.rows = rows;
    }

    /** Each schema's views; {@code indexes} are the indexes the indexes query found, by the relation they belong to. */
    Map<String, List<View>> read(Connection c, Array names, Map<TableKey, List<Index>> indexes) throws SQLException {
        return groupBySchema(rows.query(c, PostgresCatalogQueries.VIEWS, names, rs -> view(rs, indexes)));
    }

    private static InSchema<View> view(ResultSet rs, Map<TableKey, List<Index>> indexes) throws SQLException {
        String def = rs.getString("def").strip();
        if (def.endsWith(";")) {
            def = def.substring(0, def.length() - 1);
        }
        List<Index> own = indexes.getOrDefault(new TableKey(rs.getString(1), rs.getString(2)), List.of());
        return new InSchema<>(rs.getString(1), new View(rs.getString(2), def, rs.getBoolean("materialized"),
                strings(rs, "cols"), rs.getString("description"), null, sorted(own, Index::name)));
    }
}

package io.strata.store.h2;

import io.strata.dialect.HistoryDialect;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store's history dialect on a real H2 database: restoring backed-up column values by key. */
class H2HistoryDialectTest {

    @Test
    void restoreColumnsPutsBackedUpValuesIntoTheMatchingRowsOnly() throws Exception {
        String sql = new H2Dialect().history().restoreColumns("items", "items_backup", List.of("id"),
                List.of(new HistoryDialect.Restored("name", "b.name"), new HistoryDialect.Restored("price", "b.price")));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:restore;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id int PRIMARY KEY, name varchar(20), price int)");
            s.execute("INSERT INTO items VALUES (1, NULL, NULL), (2, NULL, NULL), (3, 'kept', 30)");
            s.execute("CREATE TABLE items_backup (id int, name varchar(20), price int)");
            s.execute("INSERT INTO items_backup VALUES (1, 'one', 10), (2, 'two', 20)");
            assertThat(s.executeUpdate(sql)).isEqualTo(2);
            try (ResultSet rs = s.executeQuery("SELECT id, name, price FROM items ORDER BY id")) {
                StringBuilder rows = new StringBuilder();
                while (rs.next()) {
                    rows.append(rs.getInt(1)).append(':').append(rs.getString(2)).append(':').append(rs.getInt(3)).append(' ');
                }
                assertThat(rows.toString().trim()).isEqualTo("1:one:10 2:two:20 3:kept:30");
            }
        }
    }
}

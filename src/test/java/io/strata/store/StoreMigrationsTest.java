package io.strata.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's own schema: every migration file is listed, and opening a store records them in strata_history once. */
class StoreMigrationsTest {

    @Test
    void everyMigrationFileIsListedInOrder() throws IOException, URISyntaxException {
        Path dir = Path.of(StoreDatabase.class.getResource("migrations").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            // By version number: V11 comes after V9, which sorting the names as text would not give.
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))).toList();
            assertThat(StoreDatabase.MIGRATIONS).containsExactlyElementsOf(names);
        }
    }

    @Test
    void openingTwiceAppliesTheStoreSchemaOnceAndRecordsIt() throws Exception {
        Path dir = TestStores.freshDir();
        StoreDatabase.open(null, dir).close();
        StoreDatabase.open(null, dir).close();
        try (Connection c = DriverManager.getConnection(StoreDatabase.embeddedUrl(dir));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM strata_history WHERE kind = 'migrate' ORDER BY installed_rank")) {
            for (String version : StoreDatabase.MIGRATIONS.stream().map(n -> n.substring(1, n.indexOf("__"))).toList()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(version);
                assertThat(rs.getBoolean(2)).isTrue();
            }
            assertThat(rs.next()).as("each version recorded once").isFalse();
        }
    }
}

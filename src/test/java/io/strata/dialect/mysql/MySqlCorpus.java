package io.strata.dialect.mysql;

import io.strata.dialect.SqlScript;
import io.strata.model.Catalog;
import io.strata.model.Schema;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** MySqlCorpus loads the {@code mysql-corpus} scripts and compares catalogs whatever their database is called. */
final class MySqlCorpus {

    private MySqlCorpus() {
    }

    /** Every corpus script, in file name order. */
    static List<SqlScript> scripts() {
        try {
            Path dir = Path.of(Objects.requireNonNull(MySqlCorpus.class.getResource("/mysql-corpus")).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".sql")).sorted()
                        .map(MySqlCorpus::read).toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list mysql-corpus", e);
        }
    }

    private static SqlScript read(Path file) {
        try {
            return new SqlScript(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /**
     * Why {@code script} cannot run on a server of {@code version}, or null when it can. A script
     * declares {@code -- requires: mariadb} when it uses MariaDB-only syntax.
     */
    static String skipReason(SqlScript script, String version) {
        boolean mariaDb = version.toLowerCase(Locale.ROOT).contains("mariadb");
        if (script.text().contains("-- requires: mariadb") && !mariaDb) {
            return "needs MariaDB, server is " + version;
        }
        if (script.text().contains("-- requires: mysql") && mariaDb) {
            return "needs MySQL, server is " + version;
        }
        return null;
    }

    /** The catalog's only database renamed to {@code db}, so catalogs from different databases compare. */
    static Schema anonymous(Catalog catalog) {
        if (catalog.schemas().size() != 1) {
            throw new IllegalStateException("expected one database, got " + catalog.schemas().size());
        }
        Schema s = catalog.schemas().get(0);
        return new Schema("db", s.tables(), s.views(), s.enums(), s.sequences(), s.comment(), s.charset(), s.collation(), s.collations());
    }
}

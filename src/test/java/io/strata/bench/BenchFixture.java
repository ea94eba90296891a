package io.strata.bench;

import io.strata.testing.TestDatabases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * BenchFixture is the synthetic schema pair of {@code ../shared/bench/gen_schema.py} (a.sql, b.sql,
 * changes.txt) and the databases it is loaded into. The PostgreSQL DDL is replayed as is; MariaDB
 * gets the {@link MySqlDdl} translation. Loading 2,000 tables takes tens of seconds, so a loaded
 * database is remembered in a small side database ({@code strata_bench_meta}) keyed by the hash of
 * the DDL and reused while the fixture does not change.
 */
public final class BenchFixture {

    /** Environment variable or system property naming gen_schema.py when it is not at ../shared/bench/. */
    public static final String GENERATOR_ENV = "STRATA_GEN_SCHEMA";

    private final Path dir;

    private BenchFixture(Path dir) {
        this.dir = dir;
    }

    /** The fixture already generated in {@code dir}. */
    public static BenchFixture at(Path dir) {
        if (!Files.isRegularFile(dir.resolve("a.sql")) || !Files.isRegularFile(dir.resolve("changes.txt"))) {
            throw new IllegalStateException("no generated fixture in " + dir.toAbsolutePath()
                    + " (run ./bench, or gen_schema.py N " + dir + ")");
        }
        return new BenchFixture(dir);
    }

    /** Generates (or reuses, when present with the same size) the fixture of {@code tables} tables in {@code dir}. */
    public static BenchFixture generate(int tables, Path dir) {
        Path stamp = dir.resolve("size.txt");
        Path generator = generator();
        try {
            if (Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(Integer.toString(tables))
                    && Files.isRegularFile(dir.resolve("b.sql"))
                    && Files.getLastModifiedTime(dir.resolve("a.sql")).compareTo(Files.getLastModifiedTime(generator)) >= 0) {
                return new BenchFixture(dir);
            }
            Files.createDirectories(dir);
            Process p;
            try {
                p = new ProcessBuilder("python3", generator.toString(), Integer.toString(tables), dir.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("python3 is required to generate the schema fixture (" + generator
                        + ") but could not be started: " + e.getMessage(), e);
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("gen_schema.py failed: " + output);
            }
            Files.writeString(stamp, tables + "\n");
            return new BenchFixture(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot generate the fixture in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Path generator() {
        String named = System.getProperty(GENERATOR_ENV, System.getenv(GENERATOR_ENV));
        Path path = named != null && !named.isBlank() ? Path.of(named) : Path.of("..", "shared", "bench", "gen_schema.py");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("schema generator not found at " + path.toAbsolutePath()
                    + "; set " + GENERATOR_ENV + " to the path of gen_schema.py");
        }
        return path;
    }

    public Path dir() {
        return dir;
    }

    public String aSql() {
        return read("a.sql");
    }

    public String bSql() {
        return read("b.sql");
    }

    public List<String> changes() {
        return read("changes.txt").lines().filter(l -> !l.isBlank()).toList();
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** The generated DDL split into statements (the generator ends each one with ";" at a line end). */
    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String s : script.split(";\\s*\\n")) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    // ---- databases

    /** A database of the bench: its JDBC URL and its name. */
    public record Db(String url, String name) {
    }

    /**
     * PostgreSQL database {@code name} holding {@code sql}, created and loaded unless an earlier run
     * already loaded the same DDL there. Runs against {@link TestDatabases#postgresServerUrl()}.
     */
    public static Db postgres(String name, String sql) {
        String server = TestDatabases.postgresServerUrl();
        String url = TestDatabases.withDatabase(server, name);
        String hash = sha256(sql);
        String meta = ensureMeta(server, false);
        if (hash.equals(loadedHash(meta, name))) {
            return new Db(url, name);
        }
        TestDatabases.exec(server, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
        load(url, statements(sql), true);
        recordLoaded(meta, name, hash);
        return new Db(url, name);
    }

    /** MariaDB/MySQL database {@code name} holding the translation of {@code pgSql}; see {@link #postgres}. */
    public static Db mysql(String name, String pgSql) {
        String sql = MySqlDdl.convert(pgSql).sql();
        String server = TestDatabases.mysqlServerUrl();
        String url = TestDatabases.withDatabase(server, name);
        String hash = sha256(sql);
        String meta = ensureMeta(server, true);
        if (hash.equals(loadedHash(meta, name))) {
            return new Db(url, name);
        }
        TestDatabases.exec(server, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
        load(url, statements(sql), false);
        recordLoaded(meta, name, hash);
        return new Db(url, name);
    }

    /**
     * Runs the statements on {@code url}; where DDL is transactional (PostgreSQL) in transactions of
     * 500 statements (one transaction for all would exceed max_locks_per_transaction).
     */
    public static void load(String url, List<String> statements, boolean transactional) {
        try (Connection c = TestDatabases.connect(url); Statement s = c.createStatement()) {
            if (transactional) {
                c.setAutoCommit(false);
            }
            int n = 0;
            for (String sql : statements) {
                if (transactional && ++n % 500 == 0) {
                    c.commit();
                }
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException("loading the fixture failed on: " + sql + "\n" + e.getMessage(), e);
                }
            }
            if (transactional) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the fixture into " + url + ": " + e.getMessage(), e);
        }
    }

    private static String ensureMeta(String server, boolean mysql) {
        String url = TestDatabases.withDatabase(server, "strata_bench_meta");
        try (Connection c = TestDatabases.connect(url)) {
            c.isValid(1);
        } catch (SQLException e) {
            TestDatabases.exec(server, "CREATE DATABASE strata_bench_meta");
        }
        TestDatabases.exec(url, "CREATE TABLE IF NOT EXISTS loaded (name varchar(100) PRIMARY KEY, hash varchar(64))");
        return url;
    }

    private static String loadedHash(String metaUrl, String name) {
        try (Connection c = TestDatabases.connect(metaUrl);
             var ps = c.prepareStatement("SELECT hash FROM loaded WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static void recordLoaded(String metaUrl, String name, String hash) {
        try (Connection c = TestDatabases.connect(metaUrl)) {
            try (var del = c.prepareStatement("DELETE FROM loaded WHERE name = ?")) {
                del.setString(1, name);
                del.executeUpdate();
            }
            try (var ins = c.prepareStatement("INSERT INTO loaded (name, hash) VALUES (?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, hash);
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the loaded fixture: " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

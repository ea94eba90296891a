package io.strata.testing;

import io.strata.app.ApplySchema;
import io.strata.diff.Differ;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.model.change.SchemaChange;
import io.strata.source.SourceLoader;
import io.strata.source.SourceOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * DeclarativeRoundTrip is the check a corpus of declarative pairs makes, through the path {@code strata apply}
 * takes (sources loaded and replayed on the dev server, then {@link ApplySchema}): a database loaded with
 * {@code current} (and its rows), the {@code desired} file applied to it, then {@code current} applied back;
 * after each leg the diff between the database and the file it was brought to must be empty.
 *
 * @param dialect {@code postgres} or {@code mysql}
 */
public record DeclarativeRoundTrip(String dialect) {

    /** One apply and the changes still left between the database and the file afterwards. */
    public record Leg(ApplyResult result, List<SchemaChange> left) {
        /** Why this leg did not converge, or null when it applied (or had nothing to do) and left no change. */
        public String failure() {
            if (!result.ok()) {
                return result.outcome() + ": " + result.message();
            }
            return left.isEmpty() ? null : "left " + left;
        }
    }

    /** Both legs of a pair, and the target database (its rows are the caller's to check). */
    public record Outcome(String url, Leg forward, Leg back) {
    }

    public static DeclarativeRoundTrip postgres() {
        return new DeclarativeRoundTrip("postgres");
    }

    public static DeclarativeRoundTrip mysql() {
        return new DeclarativeRoundTrip("mysql");
    }

    private String server() {
        return dialect.equals("postgres") ? TestDatabases.postgresServerUrl() : TestDatabases.mysqlServerUrl();
    }

    /** A fresh database loaded with {@code current} and then {@code data} (statements end with {@code ;} and a line end). */
    public String load(String current, String data) {
        String url = dialect.equals("postgres") ? TestDatabases.freshPostgres() : TestDatabases.freshMysql();
        TestDatabases.exec(url, statements(current));
        if (data != null) {
            TestDatabases.exec(url, statements(data));
        }
        return url;
    }

    /** Loads {@code current} with {@code data}, applies {@code desired}, then {@code current} again. */
    public Outcome run(String current, String desired, String data) {
        String url = load(current, data);
        Leg forward = apply(url, desired, "1");
        Leg back = forward.failure() == null ? apply(url, current, "2") : null;
        return new Outcome(url, forward, back);
    }

    /** {@link #run}, asserting that both legs applied and left no difference. */
    public Outcome converges(String current, String desired, String data) {
        Outcome o = run(current, desired, data);
        org.assertj.core.api.Assertions.assertThat(o.forward().failure()).as("current -> desired").isNull();
        org.assertj.core.api.Assertions.assertThat(o.back().failure()).as("desired -> current").isNull();
        return o;
    }

    /** Applies the schema {@code sql} to {@code url} as {@code strata apply} does, recorded as {@code version}. */
    public Leg apply(String url, String sql, String version) {
        Path file = write(sql);
        try (SourceLoader loader = new SourceLoader(new SourceOptions(dialect, server()))) {
            ApplyResult result = new ApplySchema(loader).run(new ApplySchema.Request(file.toString(), url, null, version,
                    null, ApplySettings.defaults(), false, false, false, server(), null));
            List<SchemaChange> left = Differ.diff(loader.load(url).catalog(), loader.load(file.toString()).catalog());
            return new Leg(result, left);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path write(String sql) {
        try {
            Path file = Files.createTempFile("schema", ".sql");
            Files.writeString(file, sql);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] statements(String script) {
        return Arrays.stream(script.split(";\\s*\\n")).map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}

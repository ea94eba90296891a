package io.strata.bench;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.model.Catalog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * InspectBenchmark times one inspection of the 2,000-table fixture (a.sql), through an open
 * connection and as the CLI does it (connecting, possibly on two connections): PostgreSQL with {@code PostgresInspector}, MariaDB with {@code MySqlInspector} on the
 * {@link MySqlDdl} translation. The fixture is loaded once in setup (reused when already loaded).
 * The fixture directory comes from {@code -Dstrata.bench.fixture} (default {@code target/bench-fixture}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InspectBenchmark {

    @Param({"postgres", "mariadb"})
    public String dialect;

    private Connection connection;
    private Dialect inspector;
    private String schema;
    private String url;

    @Setup(Level.Trial)
    public void setUp() {
        BenchFixture f = BenchFixture.at(Path.of(System.getProperty("strata.bench.fixture", "target/bench-fixture")));
        BenchFixture.Db db = switch (dialect) {
            case "postgres" -> BenchFixture.postgres(BenchMain.PG_A, f.aSql());
            case "mariadb" -> BenchFixture.mysql(BenchMain.MY_A, f.aSql());
            default -> throw new IllegalArgumentException(dialect);
        };
        schema = "postgres".equals(dialect) ? "public" : db.name();
        url = db.url();
        inspector = Dialects.forUrl(db.url());
        connection = inspector.open(db.url());
        int tables = inspect().tableCount();
        if (tables != 2000 && !Boolean.getBoolean("strata.bench.anySize")) {
            throw new IllegalStateException("expected the 2,000-table fixture, found " + tables + " tables");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
    }

    /** One inspection through an open connection: the catalog queries run one after the other. */
    @Benchmark
    public Catalog inspect() {
        return inspector.inspector().inspect(connection, List.of(schema));
    }

    /**
     * One inspection as the CLI runs it: connecting included, and the inspector free to open a second
     * connection to overlap its slowest query (PostgreSQL does).
     */
    @Benchmark
    public Catalog inspectAsTheCliDoes() {
        return inspector.inspector().inspect(() -> inspector.open(url), List.of(schema));
    }
}

package io.strata.bench;

import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DiffBenchmark times {@link Differ#diff} on two in-memory 2,000-table models (the fixture's a.sql
 * and b.sql, inspected once from PostgreSQL in setup). Setup also checks the diff is exactly the
 * fixture's changes.txt, so the number is for a correct answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DiffBenchmark {

    private Catalog from;
    private Catalog to;

    @Setup(Level.Trial)
    public void setUp() {
        FixtureModels models = FixtureModels.load();
        from = models.from();
        to = models.to();
        BenchFixture f = models.fixture();
        ExpectedChanges.Comparison cmp = ExpectedChanges.compare(f.aSql(), f.changes(), Differ.diff(from, to), "public");
        if (!cmp.exact()) {
            throw new IllegalStateException("the diff is not exactly changes.txt:\n" + cmp.summary());
        }
    }

    @Benchmark
    public List<SchemaChange> diff() {
        return Differ.diff(from, to);
    }
}

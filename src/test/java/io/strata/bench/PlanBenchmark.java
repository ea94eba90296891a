package io.strata.bench;

import io.strata.dialect.Dialects;
import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.plan.MigrationPlan;
import io.strata.migrate.Planner;
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

import java.util.concurrent.TimeUnit;

/**
 * PlanBenchmark times {@link Planner#plan} (diff plus the PostgreSQL planner) on the two in-memory
 * 2,000-table models of the fixture, inspected once in setup. Setup checks the plan covers the
 * fixture's changes (one step or more per change), so the number is for a real plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanBenchmark {

    private Catalog from;
    private Catalog to;

    @Setup(Level.Trial)
    public void setUp() {
        FixtureModels models = FixtureModels.load();
        from = models.from();
        to = models.to();
        int changes = Differ.diff(from, to).size();
        int steps = plan().steps().size();
        if (steps < changes) {
            throw new IllegalStateException("the plan has " + steps + " steps for " + changes + " changes");
        }
    }

    @Benchmark
    public MigrationPlan plan() {
        return Planner.plan(from, to, Dialects.byName("postgres"), "15.0");
    }
}

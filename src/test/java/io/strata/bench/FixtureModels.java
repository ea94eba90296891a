package io.strata.bench;

import io.strata.model.Catalog;

import java.nio.file.Path;

/**
 * FixtureModels are the two 2,000-table models of the bench fixture (a.sql and b.sql), loaded into the
 * bench PostgreSQL databases and inspected once, for the benchmarks that work on models in memory.
 */
record FixtureModels(BenchFixture fixture, Catalog from, Catalog to) {

    static FixtureModels load() {
        BenchFixture f = BenchFixture.at(Path.of(System.getProperty("strata.bench.fixture", "target/bench-fixture")));
        Catalog from = BenchMain.inspect(BenchFixture.postgres(BenchMain.PG_A, f.aSql()).url(), "public");
        Catalog to = BenchMain.inspect(BenchFixture.postgres(BenchMain.PG_B, f.bSql()).url(), "public");
        return new FixtureModels(f, from, to);
    }
}

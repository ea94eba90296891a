package io.strata.diff;

import io.strata.bench.BenchFixture;
import io.strata.bench.BenchMain;
import io.strata.bench.ExpectedChanges;
import io.strata.model.Catalog;
import io.strata.model.change.SchemaChange;
import io.strata.testing.SchemaPairGenerator;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GeneratedSchemaDiffTest replays a generated 200-table schema pair ({@link SchemaPairGenerator}, seed 42)
 * on PostgreSQL, inspects both databases and expects the differ to report exactly the ground truth of
 * changes.txt, plus the index and check drops that dropping a column cascades to (see
 * {@link ExpectedChanges}). The generator is Java in the test code, so the test needs neither python3 nor
 * ../shared; the benchmarks keep gen_schema.py.
 */
class GeneratedSchemaDiffTest {

    @Test
    void diffOfGeneratedSchemasIsExactlyTheGroundTruth() {
        SchemaPairGenerator.SchemaPair fixture = SchemaPairGenerator.generate(200, 42);
        String a = TestDatabases.freshPostgres();
        String b = TestDatabases.freshPostgres();
        BenchFixture.load(a, BenchFixture.statements(fixture.aSql()), true);
        BenchFixture.load(b, BenchFixture.statements(fixture.bSql()), true);
        Catalog from = BenchMain.inspect(a, "public");
        Catalog to = BenchMain.inspect(b, "public");
        assertThat(from.tableCount()).isEqualTo(200);

        List<SchemaChange> changes = Differ.diff(from, to);
        ExpectedChanges.Comparison cmp = ExpectedChanges.compare(fixture.aSql(), fixture.changes(), changes, "public");

        assertThat(cmp.count("listed")).as("changes.txt yields expected changes").isGreaterThan(10);
        assertThat(cmp.missing()).as(cmp.summary()).isEmpty();
        assertThat(cmp.unexpected()).as(cmp.summary()).isEmpty();
        assertThat(cmp.found()).as("no change reported twice").hasSameSizeAs(cmp.expected());
    }
}

package io.strata.migrate;

import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every destructive step {@code apply} takes (a dropped table or column, a narrowed type, a dropped enum value)
 * is taken back by {@code rollback} with its structure and its rows, on PostgreSQL and on MariaDB: the
 * hand-written corpus under {@code destructive-rollback/DIALECT}, each case run as {@link DestructiveRollbackCorpus}
 * describes.
 */
class DestructiveRollbackCorpusTest {

    @Test
    void everyPostgresCaseRollsBackStructureAndRows() throws Exception {
        runAll("postgres", TestDatabases.postgresServerUrl(), TestDatabases::freshPostgres);
    }

    @Test
    void everyMysqlCaseRollsBackStructureAndRows() throws Exception {
        runAll("mysql", TestDatabases.mysqlServerUrl(), TestDatabases::freshMysql);
    }

    private void runAll(String dialect, String serverUrl, Supplier<String> fresh) throws Exception {
        List<Path> cases = DestructiveRollbackCorpus.cases(
                Path.of(getClass().getResource("/destructive-rollback/" + dialect).toURI()));
        DestructiveRollbackCorpus corpus = new DestructiveRollbackCorpus(dialect, serverUrl);
        int up = 0;
        int down = 0;
        int rows = 0;
        List<String> disagreed = new ArrayList<>();
        for (Path dir : cases) {
            String url = fresh.get();
            DestructiveRollbackCorpus.Outcome o;
            try {
                o = corpus.run(dir, url);
            } finally {
                drop(serverUrl, url, dialect);
            }
            up += o.up() == null ? 1 : 0;
            down += o.down() == null ? 1 : 0;
            rows += o.rows() == null ? 1 : 0;
            if (!o.agreed()) {
                disagreed.add(o.name() + ": up " + state(o.up()) + "; down " + state(o.down()) + "; rows " + state(o.rows()));
            }
        }
        int agreed = cases.size() - disagreed.size();
        System.out.printf("%s destructive rollback: %d of %d agreed (up %d, down %d, rows %d)%n", dialect, agreed,
                cases.size(), up, down, rows);
        disagreed.forEach(d -> System.out.println("  disagreed " + d));
        assertThat(cases).as(dialect + " cases").hasSizeGreaterThanOrEqualTo(12);
        assertThat(disagreed).as(dialect + " cases whose apply or rollback disagreed").isEmpty();
    }

    /** Each case's database goes when it is done (its backups, in MySQL's server-wide strata_backup, stay). */
    private static void drop(String serverUrl, String url, String dialect) {
        String name = TestDatabases.databaseName(url);
        try {
            TestDatabases.exec(serverUrl, "DROP DATABASE IF EXISTS " + name + (dialect.equals("postgres") ? " WITH (FORCE)" : ""));
        } catch (IllegalStateException e) {
            // A leftover scratch database is untidy, not wrong.
        }
    }

    private static String state(String outcome) {
        return outcome == null ? "agreed" : outcome;
    }
}

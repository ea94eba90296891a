package io.strata.migrate;

import io.strata.app.MigrateDirectory;
import io.strata.app.ShowStatus;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MySQL/MariaDB migration whose third statement fails on the data: after the data is fixed, the next
 * run resumes at that statement, and each statement is recorded once.
 */
class MySqlResumeTest {

    @TempDir
    Path dir;

    @Test
    void resumesAtTheFirstStatementNotApplied() throws Exception {
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, "CREATE TABLE t (id int PRIMARY KEY, code varchar(10))",
                "INSERT INTO t VALUES (1, 'a'), (2, 'a')");
        Files.writeString(dir.resolve("V1__three_steps.sql"), """
                ALTER TABLE t ADD COLUMN note varchar(20);
                CREATE TABLE audit (id int PRIMARY KEY);
                ALTER TABLE t ADD UNIQUE KEY t_code (code);
                ALTER TABLE t ADD COLUMN done boolean;
                """);
        SumFile.write(dir);

        List<ApplyResult> failed = new MigrateDirectory().run(dir, url, ApplySettings.defaults());
        assertThat(failed.get(0).outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(failed.get(0).message()).contains("statement 3 of 4").contains("t_code");
        assertThat(failed.get(0).statementsApplied()).isEqualTo(2);

        TestDatabases.exec(url, "UPDATE t SET code = 'b' WHERE id = 2");
        List<ApplyResult> resumed = new MigrateDirectory().run(dir, url, ApplySettings.defaults());
        assertThat(resumed.get(0).outcome()).as(resumed.get(0).message()).isEqualTo(ApplyResult.Outcome.APPLIED);

        List<HistoryRow> rows = new ShowStatus().run(url, null).history();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).statementsApplied()).isEqualTo(4);
        assertThat(rows.get(0).success()).isTrue();
        TestDatabases.exec(url, "SELECT note, done FROM t", "SELECT id FROM audit");
    }
}

package io.strata.dialect;

import io.strata.model.Catalog;
import io.strata.model.Column;
import io.strata.model.ColumnTypes;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.change.ColumnChangeKind;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.ModifyColumn;
import io.strata.plan.LockImpact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the classifiers read from a hand-written statement: the tables it names, and its lock given its changes. */
class StatementClassifierTest {

    private static final StatementClassifier PG = Dialects.byName("postgres").classifier();
    private static final StatementClassifier MYSQL = Dialects.byName("mysql").classifier();

    @Test
    void tablesAreEveryTableAStatementCreatesChangesRenamesOrDrops() {
        assertThat(MYSQL.tables("DROP TABLE IF EXISTS `audit_log`, old_orders")).containsExactly("audit_log", "old_orders");
        assertThat(MYSQL.tables("RENAME TABLE a TO b, c TO d")).containsExactly("a", "b", "c", "d");
        assertThat(MYSQL.tables("ALTER TABLE `book` DROP `author`, MODIFY name varchar(50)")).containsExactly("book");
        assertThat(PG.tables("ALTER TABLE ONLY public.book RENAME TO books")).containsExactly("book", "books");
        assertThat(PG.tables("DROP TABLE public.audit_log CASCADE")).containsExactly("audit_log");
        assertThat(PG.tables("CREATE TABLE IF NOT EXISTS review (id int)")).containsExactly("review");
        assertThat(PG.tables("alter table \"Book\" add column x int")).containsExactly("Book");
        assertThat(PG.tables("SELECT 1")).isEmpty();
    }

    @Test
    void aPostgresTypeChangeIsARewriteUnlessEveryRetypedColumnKeepsItsStoredBytes() {
        String toText = "ALTER TABLE book ALTER COLUMN subtitle TYPE text";
        Catalog before = catalog("postgres", "public", column("postgres", "subtitle", "varchar(100)"));
        assertThat(PG.lock(toText).rewrite()).as("from the text alone").isTrue();
        assertThat(PG.lock(toText, List.of(retype("postgres", "public", "varchar(100)", "text")), before).rewrite()).isFalse();
        assertThat(PG.lock(toText + " USING subtitle::text", List.of(retype("postgres", "public", "varchar(100)", "text")), before)
                .rewrite()).as("a USING expression may change the values").isTrue();
        assertThat(PG.lock("ALTER TABLE book ALTER COLUMN subtitle TYPE varchar(20)",
                List.of(retype("postgres", "public", "varchar(100)", "varchar(20)")), before).rewrite()).isTrue();
    }

    @Test
    void aMySqlAlterThatNamesNoAlgorithmGetsTheOneTheServerPicksForItsChanges() {
        Catalog before = catalog("mysql", "db", column("mysql", "subtitle", "varchar(100)"));
        String widen = "ALTER TABLE book MODIFY subtitle varchar(150)";
        assertThat(MYSQL.lock(widen).rewrite()).as("from the text alone").isTrue();
        LockImpact inPlace = MYSQL.lock(widen, List.of(retype("mysql", "db", "varchar(100)", "varchar(150)")), before);
        assertThat(inPlace.blocksWritersLong()).isFalse();
        LockImpact narrowed = MYSQL.lock("ALTER TABLE book MODIFY subtitle varchar(50)",
                List.of(retype("mysql", "db", "varchar(100)", "varchar(50)")), before);
        assertThat(narrowed.rewrite() && narrowed.blocksWritersLong()).as("a narrower type is copied").isTrue();
        assertThat(MYSQL.lock(widen + ", ALGORITHM=COPY", List.of(retype("mysql", "db", "varchar(100)", "varchar(150)")), before)
                .blocksWritersLong()).as("a stated algorithm is taken at its word").isTrue();
    }

    @Test
    void mySqlSessionStatementsShareATransactionButDdlCommits() {
        assertThat(MYSQL.transactional("SET NAMES utf8mb4")).isTrue();
        assertThat(MYSQL.transactional("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */")).isTrue();
        assertThat(MYSQL.transactional("UPDATE book SET price = 0")).isTrue();
        assertThat(MYSQL.transactional("SET PASSWORD = 'x'")).as("account statements commit").isFalse();
        assertThat(MYSQL.transactional("ALTER TABLE book DROP COLUMN price")).isFalse();
        assertThat(MYSQL.transactional("CREATE PROCEDURE p() BEGIN SELECT 1; END")).isFalse();
    }

    private static Column column(String dialect, String name, String type) {
        return Column.of(name, ColumnTypes.parse(dialect, type), true);
    }

    private static SchemaChange retype(String dialect, String schema, String from, String to) {
        return new ModifyColumn(schema, "book", column(dialect, "subtitle", from), column(dialect, "subtitle", to),
                Set.of(ColumnChangeKind.TYPE));
    }

    private static Catalog catalog(String dialect, String schema, Column column) {
        Column id = Column.of("id", ColumnTypes.parse(dialect, "integer"), false);
        Map<String, String> options = dialect.equals("mysql") ? Map.of("engine", "InnoDB", "charset", "utf8mb4") : Map.of();
        Table book = new Table("book", List.of(id, column), new PrimaryKey("book_pkey", List.of("id")), List.of(), List.of(),
                List.of(), List.of(), null, options, null);
        return new Catalog(dialect, dialect.equals("mysql") ? "10.11.19-MariaDB" : "15.4", List.of(Schema.of(schema, List.of(book))),
                List.of());
    }
}

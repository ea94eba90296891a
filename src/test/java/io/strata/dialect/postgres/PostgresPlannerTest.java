package io.strata.dialect.postgres;

import io.strata.diff.Differ;
import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Column;
import io.strata.model.ColumnTypes;
import io.strata.model.EnumType;
import io.strata.model.ForeignKey;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.plan.MigrationPlan;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL, reverse, transactional flag, lock impact and phase of representative steps of each safe recipe,
 * and the recipe chosen per server version. The round trip test proves these statements run.
 */
class PostgresPlannerTest {

    private static final Column ID = Column.of("id", type("integer"), false);
    private static final Column NOTE = Column.of("note", type("text"), true);
    private static final PrimaryKey PK = new PrimaryKey("orders_pkey", List.of("id"));

    private final PostgresPlanner planner = new PostgresPlanner();

    private static io.strata.model.ColumnType type(String sql) {
        return ColumnTypes.parse(ColumnTypes.POSTGRES, sql);
    }

    private static Table orders(List<Column> columns, List<Index> indexes, List<ForeignKey> fks, List<Check> checks,
                                List<UniqueConstraint> uniques) {
        return new Table("orders", columns, PK, uniques, indexes, fks, checks, null, Map.of(), null);
    }

    private static Table orders(List<Column> columns) {
        return orders(columns, List.of(), List.of(), List.of(), List.of());
    }

    private static Catalog catalog(Table... tables) {
        return catalog(List.of(), tables);
    }

    private static Catalog catalog(List<EnumType> enums, Table... tables) {
        return new Catalog("postgres", "", List.of(new Schema("public", List.of(tables), List.of(), enums, List.of(),
                null, null, null, List.of())), List.of());
    }

    private MigrationPlan plan(Catalog a, Catalog b, String version) {
        return planner.plan(a, b, Differ.diff(a, b), version);
    }

    private static List<String> sql(MigrationPlan p) {
        return p.steps().stream().map(Step::sql).toList();
    }

    private static List<String> reverse(Step s) {
        return ((Reverse.Sql) s.reverse()).statements();
    }

    @Test
    void indexesAreBuiltAndDroppedConcurrentlyOutsideATransaction() {
        Index ix = new Index("orders_note_idx", List.of(IndexPart.column("note")), false, "btree", null, List.of(), null);
        Catalog a = catalog(orders(List.of(ID, NOTE)));
        Catalog b = catalog(orders(List.of(ID, NOTE), List.of(ix), List.of(), List.of(), List.of()));
        Step add = plan(a, b, "").steps().get(0);
        assertThat(add.sql()).isEqualTo("CREATE INDEX CONCURRENTLY \"orders_note_idx\" ON \"public\".\"orders\" USING \"btree\" (\"note\")");
        assertThat(reverse(add)).containsExactly("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"orders_note_idx\"");
        assertThat(add.transactional()).isFalse();
        assertThat(add.lock().lock()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        Step drop = plan(b, a, "").steps().get(0);
        assertThat(drop.sql()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"orders_note_idx\"");
        assertThat(reverse(drop)).containsExactly(add.sql());
    }

    @Test
    void foreignKeysAndChecksAreAddedNotValidThenValidated() {
        Column customer = Column.of("customer_id", type("integer"), true);
        ForeignKey fk = new ForeignKey("orders_customer_fk", List.of("customer_id"), "public", "customers", List.of("id"),
                null, null, null);
        Table customers = new Table("customers", List.of(ID), new PrimaryKey("customers_pkey", List.of("id")), List.of(),
                List.of(), List.of(), List.of(), null, Map.of(), null);
        Check check = new Check("note_short", "length(note) < 100", false);
        Catalog a = catalog(customers, orders(List.of(ID, NOTE, customer)));
        Catalog b = catalog(customers, orders(List.of(ID, NOTE, customer), List.of(), List.of(fk), List.of(check), List.of()));
        MigrationPlan p = plan(a, b, "15.0");
        assertThat(sql(p)).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"note_short\" CHECK (length(note) < 100) NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"note_short\"",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_fk\" FOREIGN KEY (\"customer_id\") "
                        + "REFERENCES \"public\".\"customers\" (\"id\") NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_customer_fk\"");
        assertThat(reverse(p.steps().get(2))).containsExactly("ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"orders_customer_fk\"");
        assertThat(p.steps().get(3).lock()).isEqualTo(new io.strata.plan.LockImpact("SHARE UPDATE EXCLUSIVE", false, true));
        assertThat(p.phases()).extracting(io.strata.plan.Phase::kind).containsExactly(PhaseKind.EXPAND);
    }

    @Test
    void setNotNullGoesThroughAValidatedCheckFromPostgres12() {
        Catalog a = catalog(orders(List.of(ID, NOTE)));
        Catalog b = catalog(orders(List.of(ID, NOTE.withNullable(false))));
        MigrationPlan modern = plan(a, b, "15.0");
        assertThat(sql(modern)).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_note_not_null_check\" CHECK (\"note\" IS NOT NULL) NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_note_not_null_check\"",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"note\" SET NOT NULL",
                "ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"orders_note_not_null_check\"");
        assertThat(modern.steps().get(2).lock().scan()).isFalse();
        assertThat(reverse(modern.steps().get(2))).containsExactly("ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"note\" DROP NOT NULL");
        MigrationPlan old = plan(a, b, "11.0");
        assertThat(sql(old)).containsExactly("ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"note\" SET NOT NULL");
        assertThat(old.steps().get(0).lock().scan()).isTrue();
        assertThat(old.phases().get(0).kind()).isEqualTo(PhaseKind.CONTRACT);
    }

    @Test
    void uniqueConstraintsTakeOverAConcurrentlyBuiltIndex() {
        UniqueConstraint u = new UniqueConstraint("orders_note_key", List.of("note"), false);
        MigrationPlan p = plan(catalog(orders(List.of(ID, NOTE))),
                catalog(orders(List.of(ID, NOTE), List.of(), List.of(), List.of(), List.of(u))), "");
        assertThat(sql(p)).containsExactly(
                "CREATE UNIQUE INDEX CONCURRENTLY \"orders_note_key\" ON \"public\".\"orders\" (\"note\")",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_note_key\" UNIQUE USING INDEX \"orders_note_key\"");
        assertThat(p.steps().get(0).transactional()).isFalse();
        assertThat(p.steps().get(1).transactional()).isTrue();
    }

    @Test
    void aVolatileDefaultIsSetAfterTheColumnIsAdded() {
        Column created = Column.of("created", type("timestamp with time zone"), true).withDefault("now()");
        MigrationPlan p = plan(catalog(orders(List.of(ID))), catalog(orders(List.of(ID, created))), "");
        assertThat(sql(p)).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD COLUMN \"created\" timestamp with time zone",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"created\" SET DEFAULT now()");
        assertThat(p.steps()).allMatch(s -> !s.lock().rewrite());
        assertThat(reverse(p.steps().get(0))).containsExactly("ALTER TABLE \"public\".\"orders\" DROP COLUMN \"created\"");
    }

    @Test
    void aConstantDefaultRewritesOnlyBeforePostgres11() {
        Column status = Column.of("status", type("text"), false).withDefault("'new'::text");
        Catalog a = catalog(orders(List.of(ID)));
        Catalog b = catalog(orders(List.of(ID, status)));
        assertThat(sql(plan(a, b, "15.0"))).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD COLUMN \"status\" text DEFAULT 'new'::text NOT NULL");
        assertThat(plan(a, b, "15.0").steps().get(0).lock().rewrite()).isFalse();
        assertThat(plan(a, b, "10.23").steps().get(0).lock().rewrite()).isTrue();
    }

    @Test
    void typeChangesAreClassifiedByWhatTheyDoToTheValues() {
        Column v10 = Column.of("note", type("character varying(10)"), true);
        Column v50 = Column.of("note", type("character varying(50)"), true);
        MigrationPlan widen = plan(catalog(orders(List.of(ID, v10))), catalog(orders(List.of(ID, v50))), "");
        assertThat(sql(widen)).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"note\" TYPE character varying(50) USING \"note\"");
        assertThat(widen.steps().get(0).lock().rewrite()).isFalse();
        assertThat(reverse(widen.steps().get(0))).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"note\" TYPE character varying(10) USING \"note\"");
        assertThat(widen.phased()).isFalse();

        // A rewriting change goes through a second column: no step rewrites the table under its lock.
        MigrationPlan narrow = plan(catalog(orders(List.of(ID, v50))), catalog(orders(List.of(ID, v10))), "");
        assertThat(narrow.phases()).extracting(io.strata.plan.Phase::kind)
                .containsExactly(PhaseKind.EXPAND, PhaseKind.MIGRATE, PhaseKind.CONTRACT);
        assertThat(narrow.steps()).noneMatch(s -> s.lock().rewrite());
        Step dropOld = narrow.only(PhaseKind.CONTRACT).steps().stream().filter(s -> s.sql().contains("DROP COLUMN \"note\""))
                .findFirst().orElseThrow();
        assertThat(dropOld.reverse()).isInstanceOf(Reverse.Irreversible.class);
        assertThat(dropOld.source()).isInstanceOf(io.strata.model.change.SchemaChange.DropColumn.class);

        Column small = Column.of("n", type("integer"), true);
        Column big = Column.of("n", type("bigint"), true);
        MigrationPlan bigger = plan(catalog(orders(List.of(ID, small))), catalog(orders(List.of(ID, big))), "");
        assertThat(bigger.steps()).noneMatch(s -> s.lock().rewrite());
        String backfill = bigger.only(PhaseKind.MIGRATE).steps().get(0).sql();
        assertThat(backfill).endsWith(" */ UPDATE \"public\".\"orders\" SET \"n_strata_new\" = (\"n\")::bigint");
        assertThat(io.strata.plan.Backfill.parse(backfill)).contains(new io.strata.plan.Backfill("\"public\".\"orders\"",
                List.of("\"id\""), "\"n_strata_new\" = (\"n\")::bigint"));
        assertThat(bigger.reversible()).isTrue();

        // Without a primary key to batch by, the column changes in place.
        Table keyless = new Table("orders", List.of(ID, small), null, List.of(), List.of(), List.of(), List.of(), null, Map.of(), null);
        MigrationPlan inPlace = plan(catalog(keyless), catalog(keyless.withColumns(List.of(ID, big))), "");
        assertThat(sql(inPlace)).containsExactly("ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"n\" TYPE bigint USING \"n\"::bigint");
        assertThat(inPlace.steps().get(0).lock()).isEqualTo(new io.strata.plan.LockImpact("ACCESS EXCLUSIVE", true, false));
    }

    @Test
    void droppingAColumnWaitsForTheDeployThatStopsUsingIt() {
        MigrationPlan p = plan(catalog(orders(List.of(ID, NOTE))), catalog(orders(List.of(ID))), "");
        assertThat(p.phases()).hasSize(1);
        assertThat(p.phases().get(0).kind()).isEqualTo(PhaseKind.CONTRACT);
        assertThat(p.steps().get(0).reverse()).isEqualTo(new Reverse.Irreversible("dropping column public.orders.note loses its values"));
        Column extra = Column.of("extra", type("integer"), true);
        MigrationPlan both = plan(catalog(orders(List.of(ID, NOTE))), catalog(orders(List.of(ID, extra))), "");
        assertThat(both.phases()).extracting(io.strata.plan.Phase::kind).containsExactly(PhaseKind.EXPAND, PhaseKind.CONTRACT);
        assertThat(both.phases().get(0).deployAfter())
                .isEqualTo("deploy the application version that no longer reads or writes public.orders.note");
    }

    @Test
    void aRequiredColumnWithoutDefaultArrivesNullableAndTightensInContract() {
        Column currency = Column.of("currency", type("character(3)"), false);
        MigrationPlan p = plan(catalog(orders(List.of(ID, NOTE))), catalog(orders(List.of(ID, NOTE, currency))), "16.2");
        assertThat(sql(p.only(PhaseKind.EXPAND))).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD COLUMN \"currency\" character(3)");
        assertThat(sql(p.only(PhaseKind.CONTRACT))).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_currency_not_null_check\" CHECK (\"currency\" IS NOT NULL) NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_currency_not_null_check\"",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"currency\" SET NOT NULL",
                "ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"orders_currency_not_null_check\"");
        assertThat(p.phases().get(0).deployAfter()).contains("writes public.orders.currency on every insert");
        // A new table has no rows: the column is created as written.
        Table fresh = new Table("invoices", List.of(ID, currency), null, List.of(), List.of(), List.of(), List.of(), null, Map.of(), null);
        assertThat(sql(plan(catalog(orders(List.of(ID))), catalog(orders(List.of(ID)), fresh), "16.2")).get(0))
                .contains("\"currency\" character(3) NOT NULL");
    }

    @Test
    void aRenamedColumnLivesUnderBothNamesUntilContract() {
        Column remark = Column.of("remark", type("text"), true).withRenamedFrom("note");
        MigrationPlan p = plan(catalog(orders(List.of(ID, NOTE))), catalog(orders(List.of(ID, remark))), "");
        assertThat(p.phases()).extracting(io.strata.plan.Phase::kind)
                .containsExactly(PhaseKind.EXPAND, PhaseKind.MIGRATE, PhaseKind.CONTRACT);
        assertThat(sql(p.only(PhaseKind.EXPAND))).first().isEqualTo("ALTER TABLE \"public\".\"orders\" ADD COLUMN \"remark\" text");
        assertThat(sql(p.only(PhaseKind.EXPAND)).get(2)).isEqualTo("CREATE TRIGGER \"strata_sync_orders_remark\" BEFORE INSERT OR UPDATE "
                + "ON \"public\".\"orders\" FOR EACH ROW EXECUTE FUNCTION \"public\".\"strata_sync_orders_remark\"()");
        assertThat(p.phases().get(1).deployAfter())
                .isEqualTo("deploy the application version that reads and writes public.orders.remark instead of note");
        assertThat(sql(p.only(PhaseKind.CONTRACT))).contains("ALTER TABLE \"public\".\"orders\" DROP COLUMN \"note\"");
        assertThat(p.reversible()).isTrue();
        // On PostgreSQL 10 the trigger calls its function the old way.
        assertThat(sql(plan(catalog(orders(List.of(ID, NOTE))), catalog(orders(List.of(ID, remark))), "10.5")))
                .anyMatch(s -> s.endsWith("FOR EACH ROW EXECUTE PROCEDURE \"public\".\"strata_sync_orders_remark\"()"));
    }

    @Test
    void aRenamedKeyColumnIsRenamedInContractAndRenamedBack() {
        Column key = Column.of("order_id", type("integer"), false).withRenamedFrom("id");
        Table before = orders(List.of(ID, NOTE));
        Table after = new Table("orders", List.of(key, NOTE), new PrimaryKey("orders_pkey", List.of("order_id")), List.of(),
                List.of(), List.of(), List.of(), null, Map.of(), null);
        MigrationPlan p = plan(catalog(before), catalog(after), "");
        assertThat(sql(p)).containsExactly("ALTER TABLE \"public\".\"orders\" RENAME COLUMN \"id\" TO \"order_id\"");
        assertThat(reverse(p.steps().get(0))).containsExactly("ALTER TABLE \"public\".\"orders\" RENAME COLUMN \"order_id\" TO \"id\"");
        assertThat(p.phases().get(0).kind()).isEqualTo(PhaseKind.CONTRACT);
    }

    @Test
    void enumLabelsAreAddedInPlaceAndRemovedBySwappingTheType() {
        Column mood = Column.of("mood", new io.strata.model.ColumnType.EnumRef("public", "mood"), true);
        Catalog a = catalog(List.of(new EnumType("mood", List.of("sad", "happy"))), orders(List.of(ID, mood)));
        Catalog added = catalog(List.of(new EnumType("mood", List.of("sad", "ok", "happy"))), orders(List.of(ID, mood)));
        MigrationPlan add = plan(a, added, "");
        assertThat(sql(add)).containsExactly("ALTER TYPE \"public\".\"mood\" ADD VALUE 'ok' AFTER 'sad'");
        assertThat(add.steps().get(0).transactional()).isFalse();
        assertThat(add.reversible()).isTrue();
        Catalog removed = catalog(List.of(new EnumType("mood", List.of("happy"))), orders(List.of(ID, mood)));
        MigrationPlan remove = plan(a, removed, "");
        assertThat(sql(remove)).containsExactly(
                "CREATE TYPE \"public\".\"mood__strata_new\" AS ENUM ('happy')",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"mood\" TYPE \"public\".\"mood__strata_new\" USING \"mood\"::text::\"public\".\"mood__strata_new\"",
                "DROP TYPE \"public\".\"mood\"",
                "ALTER TYPE \"public\".\"mood__strata_new\" RENAME TO \"mood\"");
        assertThat(remove.phases().get(0).kind()).isEqualTo(PhaseKind.CONTRACT);
    }

    @Test
    void theServerVersionIsReadFromItsMajorNumber() {
        assertThat(PostgresVersion.parse("15.19").major()).isEqualTo(15);
        assertThat(PostgresVersion.parse("9.6.24").major()).isEqualTo(9);
        assertThat(PostgresVersion.parse("")).isEqualTo(PostgresVersion.NEWEST);
        assertThat(PostgresVersion.parse(null)).isEqualTo(PostgresVersion.NEWEST);
    }
}

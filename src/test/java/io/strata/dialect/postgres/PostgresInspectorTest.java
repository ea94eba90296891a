package io.strata.dialect.postgres;

import io.strata.model.Catalog;
import io.strata.model.Check;
import io.strata.model.Collation;
import io.strata.model.Column;
import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.EnumRef;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.StringKind;
import io.strata.model.ColumnType.StringType;
import io.strata.model.ColumnType.TemporalKind;
import io.strata.model.ColumnType.TemporalType;
import io.strata.model.EnumType;
import io.strata.model.ForeignKey;
import io.strata.model.Identity;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.View;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What the inspector reads from a database built with {@link PgFixtures#FEATURES}. */
class PostgresInspectorTest {

    private static Catalog catalog;
    private static Schema app;

    @BeforeAll
    static void inspectFeatures() {
        catalog = PgFixtures.inspect(PgFixtures.databaseWith(PgFixtures.FEATURES));
        app = catalog.schema("app").orElseThrow();
    }

    private static Table table(String name) {
        return app.table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Column column(String table, String name) {
        return table(table).column(name).orElseThrow(() -> new AssertionError("no column " + table + "." + name));
    }

    @Test
    void catalogHasUserSchemasExtensionsAndVersion() {
        assertThat(catalog.dialect()).isEqualTo("postgres");
        assertThat(catalog.serverVersion()).matches("\\d+(\\.\\d+)*");
        assertThat(catalog.schemas()).extracting(Schema::name).containsExactly("app", "public");
        assertThat(app.comment()).isEqualTo("the application");
        assertThat(catalog.extensions()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("pg_trgm");
            assertThat(e.schema()).isEqualTo("public");
            assertThat(e.version()).isNotBlank();
        });
        assertThat(app.tables()).extracting(Table::name).containsExactly(
                "base", "child", "codes", "customers", "events", "events_2024", "orders", "scratch", "slots");
    }

    @Test
    void columnsInOrdinalOrderWithDefaultsIdentityGeneratedCollationAndComments() {
        assertThat(table("customers").columns()).extracting(Column::name).containsExactly(
                "id", "email", "name", "balance", "created", "mood", "moods", "tags", "email_lower", "rank");
        assertThat(column("customers", "id").identity()).isEqualTo(new Identity(Identity.ALWAYS, 10, 2));
        assertThat(column("customers", "id").nullable()).isFalse();
        assertThat(column("customers", "rank").identity()).isEqualTo(new Identity(Identity.BY_DEFAULT, 1, 1));
        assertThat(column("customers", "email").nullable()).isFalse();
        assertThat(column("customers", "email").comment()).isEqualTo("login");
        assertThat(column("customers", "name").collation()).isEqualTo("C");
        assertThat(column("customers", "email").collation()).isNull();
        assertThat(column("customers", "balance").defaultExpr()).isEqualTo("0");
        assertThat(column("customers", "created").defaultExpr()).isEqualTo("now()");
        assertThat(column("customers", "created").type())
                .isEqualTo(new TemporalType("timestamp with time zone", TemporalKind.TIMESTAMP, true, 3));
        assertThat(column("customers", "mood").type()).isEqualTo(new EnumRef("app", "mood"));
        assertThat(column("customers", "mood").defaultExpr()).isEqualTo("'ok'::app.mood");
        assertThat(column("customers", "moods").type()).isEqualTo(new ArrayType(new EnumRef("app", "mood")));
        Column generated = column("customers", "email_lower");
        assertThat(generated.generatedExpr()).isEqualTo("lower((email)::text)");
        assertThat(generated.generatedStored()).isTrue();
        assertThat(generated.defaultExpr()).isNull();
        assertThat(column("orders", "id").defaultExpr()).isEqualTo("nextval('app.orders_id_seq'::regclass)");
        assertThat(table("customers").comment()).isEqualTo("people who buy");
    }

    /** Types come from format_type through ColumnTypes.parse, so lengths and precisions are structured. */
    @Test
    void columnTypesCarryLengthAndPrecision() {
        assertThat(column("customers", "email").type())
                .isEqualTo(new StringType("character varying", StringKind.VARCHAR, 120));
        assertThat(column("customers", "balance").type()).isEqualTo(new DecimalType("numeric", 12, 2, false));
        assertThat(column("customers", "id").type()).isEqualTo(new IntegerType("bigint", 8, false));
        assertThat(column("orders", "status").type()).isEqualTo(new StringType("character", StringKind.CHAR, 1));
    }

    @Test
    void keysChecksAndForeignKeys() {
        Table customers = table("customers");
        assertThat(customers.primaryKey()).isEqualTo(new PrimaryKey("customers_pkey", List.of("id")));
        assertThat(customers.uniques()).containsExactly(
                new UniqueConstraint("customers_email_key", List.of("email"), false));
        // PostgreSQL 18 lists NOT NULL as constraints too; those are column facts, not checks.
        assertThat(customers.checks()).containsExactly(new Check("positive_balance", "balance >= 0::numeric", false));
        assertThat(table("orders").foreignKeys()).containsExactly(new ForeignKey("orders_customer_fk",
                List.of("customer_id"), "app", "customers", List.of("id"), "SET NULL", "CASCADE",
                "DEFERRABLE INITIALLY DEFERRED"));
        assertThat(table("codes").options()).containsEntry("deferrable.codes_code_key", "DEFERRABLE INITIALLY DEFERRED");
        assertThat(table("slots").options()).containsEntry("exclusion.slots_during_excl", "EXCLUDE USING gist (during WITH &&)");
    }

    @Test
    void indexesApartFromConstraintsWithPartsPredicatesAndIncludes() {
        Map<String, Index> indexes = table("orders").indexes().stream()
                .collect(Collectors.toMap(Index::name, i -> i));
        assertThat(table("orders").indexes()).extracting(Index::name)
                .containsExactly("orders_note_lower_idx", "orders_note_trgm_idx", "orders_open_idx");
        assertThat(indexes.get("orders_open_idx")).isEqualTo(new Index("orders_open_idx",
                List.of(IndexPart.column("customer_id"), new IndexPart("total", null, true, null, null)),
                false, "btree", "status = 'o'::bpchar", List.of("status"), null));
        assertThat(indexes.get("orders_note_lower_idx").parts()).containsExactly(IndexPart.expression("lower(note)"));
        assertThat(indexes.get("orders_note_lower_idx").comment()).isEqualTo("case-blind search");
        assertThat(indexes.get("orders_note_trgm_idx").method()).isEqualTo("gin");
        assertThat(indexes.get("orders_note_trgm_idx").parts())
                .containsExactly(new IndexPart("note", null, false, "gin_trgm_ops", null));
        assertThat(table("customers").indexes()).as("indexes backing the primary key and unique constraint").isEmpty();
        assertThat(table("events").indexes()).extracting(Index::name).containsExactly("events_at_idx");
        assertThat(table("events_2024").indexes()).as("partition indexes attached to the parent's").isEmpty();
    }

    @Test
    void tableOptionsForPersistencePartitionsAndInheritance() {
        assertThat(table("scratch").options()).containsExactly(entry("persistence", "unlogged"));
        assertThat(table("events").options()).containsExactly(entry("partition_by", "RANGE (at)"));
        assertThat(table("events_2024").options()).containsOnly(
                entry("partition_of", "\"app\".\"events\""),
                entry("partition_bound", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
        assertThat(table("child").options()).containsExactly(entry("inherits", "\"app\".\"base\""));
        assertThat(table("child").columns()).extracting(Column::name).containsExactly("created", "extra");
        assertThat(table("customers").options()).isEmpty();
    }

    @Test
    void enumsSequencesAndViews() {
        assertThat(app.enums()).containsExactly(new EnumType("mood", List.of("sad", "ok", "happy")));
        assertThat(app.sequences()).as("identity sequences belong to their columns").containsExactly(
                new Sequence("counter", "bigint", 100, 5, 1, Long.MAX_VALUE, 1, false, null),
                new Sequence("orders_id_seq", "integer", 1, 1, 1, Integer.MAX_VALUE, 1, false, "orders.id"));
        assertThat(app.views()).extracting(View::name).containsExactly("big_orders", "biggest", "order_totals");
        View big = app.view("big_orders").orElseThrow();
        assertThat(big.materialized()).isFalse();
        assertThat(big.columns()).containsExactly("id", "total");
        assertThat(big.comment()).isEqualTo("over 100");
        assertThat(big.definition()).startsWith("SELECT ").contains("FROM app.orders").doesNotEndWith(";");
        View totals = app.view("order_totals").orElseThrow();
        assertThat(totals.materialized()).isTrue();
        assertThat(totals.columns()).containsExactly("customer_id", "total");
        assertThat(totals.indexes()).containsExactly(new Index("order_totals_customer_idx",
                List.of(IndexPart.column("customer_id")), true, "btree", null, List.of(), "lets refresh run concurrently"));
        assertThat(big.indexes()).isEmpty();
    }

    @Test
    void collationsWithTheSettingsThatRecreateThem() {
        assertThat(app.collations()).extracting(Collation::name).containsExactly("caseless", "numeric", "posix");
        Collation numeric = app.collations().get(1);
        assertThat(numeric.provider()).isEqualTo("icu");
        // PostgreSQL 16+ stores the canonical language tag, which drops the "-true"
        assertThat(numeric.locale()).startsWith("en-u-kn");
        assertThat(numeric.lcCollate()).isNull();
        assertThat(numeric.deterministic()).isTrue();
        assertThat(numeric.comment()).isEqualTo("digits by value");
        assertThat(app.collations().get(0).deterministic()).isFalse();
        assertThat(app.collations().get(2)).isEqualTo(new Collation("posix", "libc", null, "POSIX", "POSIX", true, null, null));
    }

    @Test
    void requestedSchemasOnly() {
        String url = PgFixtures.databaseWith(PgFixtures.FEATURES);
        Catalog onlyApp = PgFixtures.inspect(new PostgresInspector(), url, List.of("app"));
        assertThat(onlyApp.schemas()).extracting(Schema::name).containsExactly("app");
        assertThat(onlyApp.extensions()).as("pg_trgm lives in public").isEmpty();
        assertThat(onlyApp.schemas().get(0)).isEqualTo(app);
    }

    @Test
    void queryCountDoesNotGrowWithTables() {
        assertThat(queriesToInspect(3)).isEqualTo(queriesToInspect(30));
    }

    private static int queriesToInspect(int tables) {
        String ddl = IntStream.range(0, tables).mapToObj(i -> "CREATE TABLE t" + i
                        + " (id int PRIMARY KEY, v text UNIQUE, r int REFERENCES t" + i + " (id), CHECK (id > 0));"
                        + " CREATE INDEX ON t" + i + " (v); CREATE VIEW v" + i + " AS SELECT id FROM t" + i + ";")
                .collect(Collectors.joining("\n"));
        PostgresInspector inspector = new PostgresInspector();
        Catalog c = PgFixtures.inspect(inspector, PgFixtures.databaseWith(ddl), List.of());
        assertThat(c.tableCount()).isEqualTo(tables);
        return inspector.queriesRun.get();
    }

    @Test
    void checkDefinitionsLoseTheirKeyword() {
        assertThat(PostgresConstraintReader.checkExpression("CHECK (price > 0::numeric)")).isEqualTo("price > 0::numeric");
        assertThat(PostgresConstraintReader.checkExpression("CHECK ((a > 0) OR (b > 0)) NO INHERIT")).isEqualTo("(a > 0) OR (b > 0)");
        assertThat(PostgresConstraintReader.checkExpression("CHECK (a > 0) NOT VALID")).isEqualTo("a > 0");
    }
}

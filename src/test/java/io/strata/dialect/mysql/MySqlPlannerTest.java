package io.strata.dialect.mysql;

import io.strata.error.ErrorCode;
import io.strata.error.StrataException;
import io.strata.model.Catalog;
import io.strata.model.Collation;
import io.strata.model.Column;
import io.strata.model.DefinedObject;
import io.strata.model.ObjectKind;
import io.strata.model.View;
import io.strata.model.ColumnType;
import io.strata.model.EnumType;
import io.strata.model.Extension;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.PrimaryKey;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.Table;
import io.strata.model.UniqueConstraint;
import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;
import io.strata.diff.Differ;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MySqlPlannerTest checks the exact SQL, reverses and recipes of representative MySQL plan steps. */
class MySqlPlannerTest {

    private static final ColumnType INT = new ColumnType.IntegerType("int", 4, false);
    private static final ColumnType BIGINT = new ColumnType.IntegerType("bigint", 8, false);

    private final MySqlPlanner planner = new MySqlPlanner(new MySqlQuoter());

    private static Table orders(Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("id", INT, false), Column.of("qty", INT, true)));
        columns.addAll(List.of(extra));
        return new Table("orders", columns, new PrimaryKey("PRIMARY", List.of("id")), List.of(), List.of(), List.of(),
                List.of(), null, Map.of("engine", "InnoDB"), null);
    }

    private static Catalog catalog(Table... tables) {
        return new Catalog("mysql", "", List.of(Schema.of("db", List.of(tables))), List.of());
    }

    private MigrationPlan plan(Table from, Table to, String version) {
        Catalog a = catalog(from);
        Catalog b = catalog(to);
        return planner.plan(a, b, Differ.diff(a, b), version);
    }

    @Test
    void addColumnAtTheEndIsInstantWhereTheServerCanDoIt() {
        Table from = orders();
        Table to = orders(Column.of("note", INT, true));
        assertThat(plan(from, to, "10.11.19-MariaDB-0+deb12u1").steps().get(0).sql())
                .isEqualTo("ALTER TABLE `orders` ADD COLUMN `note` int NULL, ALGORITHM=INSTANT");
        assertThat(plan(from, to, "8.0.36").steps().get(0).sql())
                .isEqualTo("ALTER TABLE `orders` ADD COLUMN `note` int NULL, ALGORITHM=INSTANT");
        Step old = plan(from, to, "10.2.0-MariaDB").steps().get(0);
        assertThat(old.sql()).isEqualTo("ALTER TABLE `orders` ADD COLUMN `note` int NULL, ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(old.lock().rewrite()).isTrue();
        assertThat(old.transactional()).isFalse();
        assertThat(old.reverse()).isEqualTo(Reverse.Sql.of(
                "ALTER TABLE `orders` DROP COLUMN `note`, ALGORITHM=INPLACE, LOCK=NONE"));
    }

    @Test
    void addColumnInTheMiddleStatesItsPlace() {
        Table to = new Table("orders", List.of(Column.of("id", INT, false), Column.of("mid", INT, true), Column.of("qty", INT, true)),
                new PrimaryKey("PRIMARY", List.of("id")), List.of(), List.of(), List.of(), List.of(), null, Map.of("engine", "InnoDB"), null);
        assertThat(plan(orders(), to, "10.3.5-MariaDB").steps().get(0).sql())
                .isEqualTo("ALTER TABLE `orders` ADD COLUMN `mid` int NULL AFTER `id`, ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(plan(orders(), to, "11.4.5-MariaDB").steps().get(0).sql())
                .isEqualTo("ALTER TABLE `orders` ADD COLUMN `mid` int NULL AFTER `id`, ALGORITHM=INSTANT");
    }

    @Test
    void droppingAColumnIsAnIrreversibleContractStep() {
        MigrationPlan plan = plan(orders(Column.of("gone", INT, true)), orders(), "8.0.36");
        assertThat(plan.phases()).hasSize(1);
        assertThat(plan.phases().get(0).kind()).isEqualTo(PhaseKind.CONTRACT);
        Step step = plan.steps().get(0);
        assertThat(step.sql()).isEqualTo("ALTER TABLE `orders` DROP COLUMN `gone`, ALGORITHM=INSTANT");
        assertThat(step.reverse()).isInstanceOf(Reverse.Irreversible.class);
        assertThat(plan.reversible()).isFalse();
    }

    @Test
    void wideningIsExpandAndCopiesNarrowingIsContract() {
        // No online swap for a type change on MySQL: the contract could not drop the triggers, drop the old
        // column and rename the new one in one transaction, and writers of the column's one name would lose writes.
        Table wide = orders().withColumns(List.of(Column.of("id", INT, false), Column.of("qty", BIGINT, true)));
        MigrationPlan widen = plan(orders(), wide, "11.4.5-MariaDB");
        assertThat(widen.phases().get(0).kind()).isEqualTo(PhaseKind.EXPAND);
        assertThat(widen.steps().get(0).sql()).isEqualTo("ALTER TABLE `orders` MODIFY COLUMN `qty` bigint NULL, ALGORITHM=COPY");
        assertThat(widen.steps().get(0).reverse()).isEqualTo(Reverse.Sql.of(
                "ALTER TABLE `orders` MODIFY COLUMN `qty` int NULL, ALGORITHM=COPY"));
        assertThat(widen.steps().get(0).lock().rewrite()).isTrue();
        MigrationPlan narrow = plan(wide, orders(), "11.4.5-MariaDB");
        assertThat(narrow.phases().get(0).kind()).isEqualTo(PhaseKind.CONTRACT);
    }

    @Test
    void enumMembersAppendedAreInstantRemovedAreContract() {
        Column two = Column.of("color", new ColumnType.EnumValues("enum", List.of("red", "green")), true);
        Column three = Column.of("color", new ColumnType.EnumValues("enum", List.of("red", "green", "blue")), true);
        MigrationPlan extend = plan(orders(two), orders(three), "8.0.36");
        assertThat(extend.steps().get(0).sql())
                .isEqualTo("ALTER TABLE `orders` MODIFY COLUMN `color` enum('red','green','blue') NULL, ALGORITHM=INSTANT");
        assertThat(plan(orders(three), orders(two), "8.0.36").phases().get(0).kind()).isEqualTo(PhaseKind.CONTRACT);
    }

    @Test
    void defaultChangesUseAlterColumn() {
        Step step = plan(orders(), orders().withColumns(List.of(Column.of("id", INT, false),
                Column.of("qty", INT, true).withDefault("7"))), "10.11.19-MariaDB").steps().get(0);
        assertThat(step.sql()).isEqualTo("ALTER TABLE `orders` ALTER COLUMN `qty` SET DEFAULT 7, ALGORITHM=INSTANT");
        assertThat(step.reverse()).isEqualTo(Reverse.Sql.of("ALTER TABLE `orders` ALTER COLUMN `qty` DROP DEFAULT, ALGORITHM=INSTANT"));
    }

    @Test
    void aRenamedColumnLivesUnderBothNamesUntilContract() {
        Table to = orders().withColumns(List.of(Column.of("id", INT, false), Column.of("amount", INT, true).withRenamedFrom("qty")));
        MigrationPlan plan = plan(orders(), to, "10.11.19-MariaDB");
        assertThat(plan.phases()).extracting(io.strata.plan.Phase::kind)
                .containsExactly(PhaseKind.EXPAND, PhaseKind.MIGRATE, PhaseKind.CONTRACT);
        assertThat(plan.steps().get(1).sql()).isEqualTo("CREATE TRIGGER `strata_sync_orders_amount_ins` BEFORE INSERT ON `orders` "
                + "FOR EACH ROW BEGIN IF NEW.`amount` IS NULL THEN SET NEW.`amount` = NEW.`qty`; "
                + "ELSEIF NEW.`qty` IS NULL OR NEW.`qty` <=> NULL THEN SET NEW.`qty` = NEW.`amount`; END IF; END");
        assertThat(plan.phases().get(1).deployAfter()).startsWith("deploy the application version");
        assertThat(plan.reversible()).isTrue();
    }

    @Test
    void anIndexedColumnIsRenamedInContractWithTheReverseRename() {
        Index byQty = new Index("orders_qty", List.of(io.strata.model.IndexPart.column("qty")), false, "BTREE", null, List.of(), null);
        Index byAmount = new Index("orders_qty", List.of(io.strata.model.IndexPart.column("amount")), false, "BTREE", null, List.of(), null);
        Table from = new Table("orders", orders().columns(), orders().primaryKey(), List.of(), List.of(byQty), List.of(),
                List.of(), null, Map.of("engine", "InnoDB"), null);
        Table to = new Table("orders", List.of(Column.of("id", INT, false), Column.of("amount", INT, true).withRenamedFrom("qty")),
                orders().primaryKey(), List.of(), List.of(byAmount), List.of(), List.of(), null, Map.of("engine", "InnoDB"), null);
        MigrationPlan plan = plan(from, to, "10.11.19-MariaDB");
        assertThat(plan.only(PhaseKind.MIGRATE).isEmpty()).as("no swap for an indexed column").isTrue();
        Step step = plan.only(PhaseKind.CONTRACT).steps().stream().filter(s -> s.sql().contains("RENAME COLUMN"))
                .findFirst().orElseThrow();
        assertThat(step.sql()).isEqualTo("ALTER TABLE `orders` RENAME COLUMN `qty` TO `amount`, ALGORITHM=INSTANT");
        assertThat(step.reverse()).isEqualTo(Reverse.Sql.of("ALTER TABLE `orders` RENAME COLUMN `amount` TO `qty`, ALGORITHM=INSTANT"));
    }

    @Test
    void indexesAreOnlineAndForeignKeysCopyOnlyOnMySql() {
        Table indexed = new Table("orders", orders().columns(), orders().primaryKey(), List.of(),
                List.of(new Index("ix_qty", List.of(IndexPart.column("qty")), false, "BTREE", null, List.of(), null)),
                List.of(), List.of(), null, Map.of("engine", "InnoDB"), null);
        Step add = plan(orders(), indexed, "8.0.36").steps().get(0);
        assertThat(add.sql()).isEqualTo("ALTER TABLE `orders` ADD KEY `ix_qty` (`qty`), ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(add.reverse()).isEqualTo(Reverse.Sql.of("ALTER TABLE `orders` DROP INDEX `ix_qty`, ALGORITHM=INPLACE, LOCK=NONE"));
        Table withFk = new Table("orders", orders().columns(), orders().primaryKey(), List.of(), List.of(),
                List.of(new io.strata.model.ForeignKey("fk", List.of("qty"), null, "orders", List.of("id"), null, "CASCADE", null)),
                List.of(), null, Map.of("engine", "InnoDB"), null);
        Step fk = plan(orders(), withFk, "8.0.36").steps().get(0);
        assertThat(fk.sql()).isEqualTo("ALTER TABLE `orders` ADD CONSTRAINT `fk` FOREIGN KEY (`qty`) REFERENCES `orders` (`id`)"
                + " ON DELETE CASCADE, ALGORITHM=COPY");
        assertThat(fk.lock().rewrite()).isTrue();
        // MariaDB checks the existing rows in a statement of their own, then adds the key without a copy.
        List<Step> maria = plan(orders(), withFk, "10.11.19-MariaDB").steps();
        assertThat(maria).hasSize(2);
        assertThat(maria.get(0).sql()).isEqualTo("SELECT 'rows without a parent refuse foreign key fk' AS refusal,"
                + " (SELECT 1 UNION ALL (SELECT 1 FROM `orders` c LEFT JOIN `orders` p ON p.`id` = c.`qty`"
                + " WHERE c.`qty` IS NOT NULL AND p.`id` IS NULL LIMIT 1)) AS orphan");
        assertThat(maria.get(0).reverse()).isEqualTo(Reverse.Sql.of());
        assertThat(maria.get(1).sql()).isEqualTo("SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `orders` ADD CONSTRAINT `fk`"
                + " FOREIGN KEY (`qty`) REFERENCES `orders` (`id`) ON DELETE CASCADE, ALGORITHM=INPLACE, LOCK=NONE");
        assertThat(maria.get(1).reverse()).isEqualTo(Reverse.Sql.of("ALTER TABLE `orders` DROP FOREIGN KEY `fk`, ALGORITHM=INPLACE, LOCK=NONE"));
        assertThat(maria.get(1).lock().rewrite()).isFalse();
        // MariaDB before SET STATEMENT keeps the copy.
        assertThat(plan(orders(), withFk, "10.0.38-MariaDB").steps().get(0).sql()).endsWith("ALGORITHM=COPY");
    }

    @Test
    void versionsParse() {
        assertThat(MySqlVersion.parse("10.11.19-MariaDB-0+deb12u1")).isEqualTo(new MySqlVersion(true, 10, 11, 19));
        assertThat(MySqlVersion.parse("11.4.5-MariaDB")).isEqualTo(new MySqlVersion(true, 11, 4, 5));
        assertThat(MySqlVersion.parse("8.0.36")).isEqualTo(new MySqlVersion(false, 8, 0, 36));
        assertThat(MySqlVersion.parse("")).isEqualTo(MySqlVersion.NEWEST_MARIADB);
    }

    /** The objects MySQL does not have are refused as BAD_INPUT naming the kind of change, never planned. */
    @Test
    void changesToObjectsMySqlDoesNotHaveAreRefused() {
        Schema other = Schema.of("other", List.of());
        UniqueConstraint unique = new UniqueConstraint("qty_key", List.of("qty"), false);
        Extension extension = new Extension("citext", "public", null);
        EnumType mood = new EnumType("mood", List.of("a"));
        Sequence sequence = new Sequence("s", "bigint", 1, 1, 1, 100, 1, false, null);
        Collation collation = new Collation("c", "icu", "und", null, null, true, null, null);
        List<SchemaChange> refused = List.of(new SchemaChange.AddSchema(other), new SchemaChange.DropSchema(other),
                new SchemaChange.AddUnique("db", "orders", unique), new SchemaChange.DropUnique("db", "orders", unique),
                new SchemaChange.AddExtension(extension), new SchemaChange.DropExtension(extension),
                new SchemaChange.AddEnum("db", mood), new SchemaChange.DropEnum("db", mood),
                new SchemaChange.ModifyEnum("db", mood, mood),
                new SchemaChange.AddSequence("db", sequence), new SchemaChange.DropSequence("db", sequence),
                new SchemaChange.ModifySequence("db", sequence, sequence),
                new SchemaChange.AddCollation("db", collation), new SchemaChange.DropCollation("db", collation),
                new SchemaChange.ModifyCollation("db", collation, collation));
        Catalog catalog = catalog(orders());
        for (SchemaChange change : refused) {
            String kind = change.getClass().getSimpleName();
            assertThatThrownBy(() -> planner.plan(catalog, catalog, List.of(change), "")).as(kind)
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                    .hasMessageContaining(kind);
        }
    }

    @Test
    void storedProgramsGoWhereTheirTablesAndCallersAre() {
        DefinedObject tax = new DefinedObject(ObjectKind.FUNCTION, "tax", null,
                "CREATE FUNCTION `tax`(x int) RETURNS int DETERMINISTIC RETURN x * 2");
        DefinedObject purge = new DefinedObject(ObjectKind.PROCEDURE, "purge", null, "CREATE PROCEDURE `purge`()\nSELECT 1");
        DefinedObject audit = new DefinedObject(ObjectKind.TRIGGER, "audit", "sales",
                "CREATE TRIGGER `audit` BEFORE INSERT ON `sales` FOR EACH ROW SET NEW.qty = tax(NEW.qty)");
        Table renamed = orders().withRenamedFrom("orders");
        Table sales = new Table("sales", renamed.columns(), renamed.primaryKey(), List.of(), List.of(), List.of(), List.of(),
                null, renamed.options(), "orders");
        Schema before = new Schema("db", List.of(orders()), List.of(), List.of(), List.of(), null, null, null, List.of(),
                List.of(purge));
        Schema after = new Schema("db", List.of(sales), List.of(new View("taxed", "select tax(`sales`.`qty`) AS `t` from `sales`",
                false, List.of("t"), null, null, List.of())), List.of(), List.of(), null, null, null, List.of(), List.of(tax, audit));
        Catalog a = new Catalog("mysql", "", List.of(before), List.of());
        Catalog b = new Catalog("mysql", "", List.of(after), List.of());
        MigrationPlan plan = planner.plan(a, b, Differ.diff(a, b), "10.11.6-MariaDB");

        // The function comes in EXPAND, before the view that calls it; the view and the trigger are created once
        // their table has its new name, in CONTRACT; the procedure old clients call goes in CONTRACT too.
        assertThat(plan.only(PhaseKind.EXPAND).steps()).extracting(Step::description).containsExactly("create function tax");
        assertThat(plan.only(PhaseKind.CONTRACT).steps()).extracting(Step::description).containsExactly(
                "drop procedure purge", "rename table orders to sales", "create view taxed", "create trigger audit on sales");
        Step dropPurge = plan.only(PhaseKind.CONTRACT).steps().get(0);
        assertThat(dropPurge.sql()).isEqualTo("DROP PROCEDURE IF EXISTS `purge`");
        assertThat(dropPurge.reverse()).isEqualTo(Reverse.Sql.of(purge.definition()));
    }

    @Test
    void aChangedTriggerIsDroppedRightBeforeItsNewDefinitionAndAGrantIsRefused() {
        DefinedObject v1 = new DefinedObject(ObjectKind.TRIGGER, "t", "orders",
                "CREATE TRIGGER `t` BEFORE INSERT ON `orders` FOR EACH ROW SET NEW.qty = 1");
        DefinedObject v2 = new DefinedObject(ObjectKind.TRIGGER, "t", "orders",
                "CREATE TRIGGER `t` BEFORE INSERT ON `orders` FOR EACH ROW SET NEW.qty = 2");
        Catalog a = new Catalog("mysql", "", List.of(Schema.of("db", List.of(orders())).withObjects(List.of(v1))), List.of());
        Catalog b = new Catalog("mysql", "", List.of(Schema.of("db", List.of(orders())).withObjects(List.of(v2))), List.of());
        MigrationPlan plan = planner.plan(a, b, Differ.diff(a, b), "8.0.36");
        assertThat(plan.steps()).extracting(Step::sql).containsExactly("DROP TRIGGER IF EXISTS `t`", v2.definition());
        assertThat(plan.steps()).extracting(Step::reverse)
                .containsExactly(Reverse.Sql.of(v1.definition()), Reverse.Sql.of("DROP TRIGGER IF EXISTS `t`"));

        DefinedObject grant = new DefinedObject(ObjectKind.GRANT, "SELECT to app", "orders", "GRANT SELECT ON orders TO app");
        Catalog granted = new Catalog("mysql", "", List.of(Schema.of("db", List.of(orders())).withObjects(List.of(grant))),
                List.of());
        Catalog plain = catalog(orders());
        assertThatThrownBy(() -> planner.plan(plain, granted, Differ.diff(plain, granted), "8.0.36"))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining("grant \"orders.SELECT to app\" for MySQL: MySQL keeps privileges per account");
    }
}

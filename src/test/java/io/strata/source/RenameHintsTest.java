package io.strata.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenameHintsTest {

    @Test
    void commentsOnTableAndColumnLinesDeclareRenames() {
        String sql = """
                CREATE TABLE customers ( -- strata:renamed-from clients
                    id bigint PRIMARY KEY,
                    full_name text NOT NULL, -- strata:renamed-from name
                    -- strata:renamed-from mail
                    "Email" text,
                    CONSTRAINT c CHECK (id > 0) -- strata:renamed-from ignored_for_constraints
                );
                """;
        assertThat(RenameHints.find(sql)).containsExactly(
                new RenameHints.Hint("customers", null, "clients"),
                new RenameHints.Hint("customers", "full_name", "name"),
                new RenameHints.Hint("customers", "Email", "mail"));
    }

    @Test
    void explicitRenameStatementsOfAMigrationDirectoryAreHints() {
        String sql = """
                ALTER TABLE public.orders RENAME COLUMN total TO amount;
                ALTER TABLE orders RENAME TO purchases;
                RENAME TABLE `a` TO `b`;
                """;
        assertThat(RenameHints.find(sql)).containsExactlyInAnyOrder(
                new RenameHints.Hint("orders", "amount", "total"),
                new RenameHints.Hint("purchases", null, "orders"),
                new RenameHints.Hint("b", null, "a"));
    }

    @Test
    void mySqlChangeColumnAndMultiClauseRenamesAreHints() {
        String sql = """
                ALTER TABLE book CHANGE COLUMN code sku varchar(20) NOT NULL;
                ALTER TABLE `book` ADD COLUMN x int, CHANGE `title` `name` varchar(100), CHANGE price price bigint;
                ALTER TABLE book ADD COLUMN y int, RENAME COLUMN isbn TO isbn13;
                RENAME TABLE audit_log TO audit_entries, old_orders TO archived_orders;
                """;
        assertThat(RenameHints.find(sql)).as("CHANGE that keeps the name is no rename").containsExactlyInAnyOrder(
                new RenameHints.Hint("book", "sku", "code"),
                new RenameHints.Hint("book", "name", "title"),
                new RenameHints.Hint("book", "isbn13", "isbn"),
                new RenameHints.Hint("audit_entries", null, "audit_log"),
                new RenameHints.Hint("archived_orders", null, "old_orders"));
    }

    @Test
    void ordinaryCommentsAreNotHints() {
        assertThat(RenameHints.find("CREATE TABLE t (\n  a int -- renamed from b, but not declared\n);")).isEmpty();
        assertThat(RenameHints.find("-- strata:renamed-from x\n\n")).isEqualTo(List.of());
    }
}

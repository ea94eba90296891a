package io.strata.dialect.mysql;

import io.strata.dialect.Dialects;
import io.strata.dialect.StatementLanding;
import io.strata.dialect.StatementLanding.Landed;
import io.strata.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a resumed run learns about a DDL statement that may have finished after the run before died, asked of a
 * real MariaDB or MySQL: each kind the planner writes (and a few hand-written spellings) reads as not landed
 * before it runs and landed after; a column, index or table that is there but not as the statement defines it
 * reads as not landed; an ALTER TABLE landed only when all its clauses did, and one with a clause that cannot be
 * judged runs again.
 */
class MySqlStatementLandingTest {

    private final StatementLanding landing = Dialects.byName("mysql").history().landing();

    /** Run in this order, each on what the ones before left. */
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE `p` (\n  `id` int NOT NULL,\n  `name` varchar(20) NULL,\n  PRIMARY KEY (`id`)\n)"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
            "create table t (id integer primary key, a int, b varchar(10) not null, c int, p_id int, flag bool default 0,"
                    + " key t_c (c)) default charset=utf8mb4",
            "ALTER TABLE `t` ADD COLUMN `d` int NULL AFTER `b`, ALGORITHM=INSTANT",
            "ALTER TABLE `t` ADD COLUMN `e` date NULL, ALGORITHM=INSTANT",
            "ALTER TABLE t ADD COLUMN note varchar(20) CHARACTER SET latin1 DEFAULT 'it''s' COMMENT 'why'",
            "ALTER TABLE `t` MODIFY COLUMN `a` bigint NULL, ALGORITHM=COPY",
            "ALTER TABLE `t` MODIFY COLUMN `b` varchar(20) NULL DEFAULT 'x', ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE `t` MODIFY COLUMN `e` date NULL FIRST",
            "ALTER TABLE `t` ALTER COLUMN `c` SET DEFAULT 7, ALGORITHM=INSTANT",
            "ALTER TABLE `t` ADD COLUMN `u` timestamp(3) NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3)",
            "ALTER TABLE `t` ADD COLUMN `g` int GENERATED ALWAYS AS (`a` + 1) VIRTUAL",
            "ALTER TABLE `t` CHANGE COLUMN `note` `remark` varchar(20) CHARACTER SET latin1 NULL DEFAULT 'it''s' COMMENT 'why'",
            "ALTER TABLE `t` RENAME COLUMN `remark` TO `memo`, ALGORITHM=INSTANT",
            "ALTER TABLE `t` ADD UNIQUE KEY `t_d` (`d`), ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE `t` ADD KEY `t_pid` (`p_id`), ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE `t` DROP INDEX `t_c`, ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE `t` DROP INDEX `t_pid`, ADD KEY `t_pid` (`p_id`, `d` DESC) COMMENT 'lookup', ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE `t` RENAME INDEX `t_d` TO `t_d_unique`",
            "CREATE UNIQUE INDEX t_b ON t (b(5)) ALGORITHM=INPLACE",
            "DROP INDEX t_b ON t",
            "ALTER TABLE `t` ADD CONSTRAINT `t_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`) ON DELETE CASCADE ON UPDATE RESTRICT,"
                    + " ALGORITHM=COPY",
            "ALTER TABLE `t` DROP FOREIGN KEY `t_p`, ALGORITHM=INPLACE, LOCK=NONE",
            "SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `t` ADD CONSTRAINT `t_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`),"
                    + " ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE `t` ADD CONSTRAINT `t_a_positive` CHECK (`a` > 0), ALGORITHM=COPY",
            "ALTER TABLE `t` DROP CONSTRAINT `t_a_positive`",
            "ALTER TABLE `t` ADD COLUMN `f` int NULL, ADD KEY `t_f` (`f`), COMMENT='orders'",
            "ALTER TABLE `t` DROP COLUMN `c`, ALGORITHM=INSTANT",
            "CREATE TABLE `t_backup` AS SELECT `id`, `a` FROM `t`",
            "DROP TABLE `t_backup`",
            "ALTER TABLE `t` DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci, ENGINE=InnoDB, ROW_FORMAT=COMPACT, ALGORITHM=COPY",
            "ALTER TABLE `p` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `name`), ALGORITHM=INPLACE, LOCK=NONE",
            "CREATE TRIGGER `t_ins` BEFORE INSERT ON `t` FOR EACH ROW BEGIN IF NEW.`d` IS NULL THEN SET NEW.`d` = 0; END IF; END",
            "DROP TRIGGER `t_ins`",
            // Functions, procedures and events as the planner writes them: as the inspector reads them back.
            "CREATE PROCEDURE `purge`(IN below int)\nBEGIN DELETE FROM `t` WHERE `a` < below; END",
            "DROP PROCEDURE IF EXISTS `purge`",
            "CREATE EVENT `nightly` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION NOT PRESERVE"
                    + " ENABLE DO DELETE FROM t WHERE a IS NULL",
            "DROP EVENT IF EXISTS `nightly`",
            "CREATE VIEW `v` AS select `t`.`id` AS `id`,`t`.`a` AS `a` from `t`",
            "DROP VIEW `v`",
            "RENAME TABLE `t` TO `orders`",
            "DROP TABLE `orders`");

    @Test
    void eachStatementReadsAsNotLandedBeforeItRunsAndLandedAfter() throws Exception {
        String url = TestDatabases.freshMysql();
        List<String> wrong = new ArrayList<>();
        try (Connection c = TestDatabases.connect(url)) {
            for (String sql : STATEMENTS) {
                if (sql.contains(" EVENT ") && !TestDatabases.mysqlAcceptsEvents()) {
                    continue;
                }
                if (landed(c, sql) != Landed.NO) {
                    wrong.add("landed before it ran: " + sql);
                }
                execute(c, sql);
                if (landed(c, sql) != Landed.YES) {
                    wrong.add("not landed after it ran: " + sql);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void whatIsThereButNotAsStatedOrCannotBeJudgedRunsAgain() throws Exception {
        String url = TestDatabases.freshMysql();
        TestDatabases.exec(url, "CREATE TABLE t (id int PRIMARY KEY, a bigint NULL, b varchar(20) NOT NULL, x int NULL, KEY t_b (b))"
                + " DEFAULT CHARSET=utf8mb4",
                "CREATE TABLE audit (id int PRIMARY KEY, at datetime NULL)", "CREATE VIEW `tv` AS select `t`.`id` AS `id` from `t`",
                "CREATE PROCEDURE `purge`()\nDELETE FROM `t` WHERE `a` < 0");
        try (Connection c = TestDatabases.connect(url)) {
            // The same statements as the tables have them read as landed, so each NO below is about its difference.
            assertThat(landed(c, "ALTER TABLE `t` ADD COLUMN `a` bigint NULL")).isEqualTo(Landed.YES);
            assertThat(landed(c, "ALTER TABLE `t` MODIFY COLUMN `b` varchar(20) NOT NULL")).isEqualTo(Landed.YES);
            assertThat(landed(c, "ALTER TABLE `t` ADD KEY `t_b` (`b`)")).isEqualTo(Landed.YES);
            assertThat(landed(c, "ALTER TABLE `t` ADD COLUMN `x` int NULL, ADD COLUMN `a` bigint NULL")).isEqualTo(Landed.YES);
            assertThat(landed(c, "CREATE TABLE `audit` (`id` int NOT NULL, `at` datetime NULL, PRIMARY KEY (`id`))"))
                    .isEqualTo(Landed.YES);
            assertThat(landed(c, "CREATE VIEW `tv` AS select `t`.`id` AS `id` from `t`")).isEqualTo(Landed.YES);
            assertThat(landed(c, "CREATE PROCEDURE `purge`()\nDELETE FROM `t` WHERE `a` < 0")).isEqualTo(Landed.YES);

            List<String> runAgain = List.of(
                    // There, but not as the statement makes it.
                    "ALTER TABLE `t` ADD COLUMN `a` int NULL",
                    "ALTER TABLE `t` MODIFY COLUMN `b` varchar(30) NOT NULL",
                    "ALTER TABLE `t` MODIFY COLUMN `b` varchar(20) NULL",
                    "ALTER TABLE `t` MODIFY COLUMN `b` varchar(20) NOT NULL DEFAULT ''",
                    "ALTER TABLE `t` MODIFY COLUMN `b` varchar(20) NOT NULL COMMENT 'code'",
                    "ALTER TABLE `t` MODIFY COLUMN `b` varchar(20) CHARACTER SET latin1 NOT NULL",
                    "ALTER TABLE `t` MODIFY COLUMN `b` varchar(20) NOT NULL FIRST",
                    "ALTER TABLE `t` ADD KEY `t_b` (`b`, `a`)",
                    "ALTER TABLE `t` ADD UNIQUE KEY `t_b` (`b`)",
                    "ALTER TABLE `t` ADD KEY `t_b` (`b`(5))",
                    "ALTER TABLE `t` CHANGE COLUMN `x` `a` bigint NULL",
                    "CREATE TABLE `audit` (`id` int NOT NULL, `at` datetime(3) NULL, PRIMARY KEY (`id`))",
                    "CREATE TABLE `audit` (`id` int NOT NULL, PRIMARY KEY (`id`))",
                    "CREATE TABLE `audit` (`id` int NOT NULL, `at` datetime NULL, PRIMARY KEY (`id`)) ENGINE=MyISAM",
                    // What it makes cannot be told from the same thing there before.
                    "CREATE OR REPLACE VIEW `tv` AS select `t`.`id` AS `id` from `t`",
                    // A procedure of that name with another body.
                    "CREATE PROCEDURE `purge`()\nDELETE FROM `t` WHERE `a` < 1",
                    // Clauses that disagree: one shows landed, the other not.
                    "ALTER TABLE `t` ADD COLUMN `x` int NULL, ADD COLUMN `y` int NULL",
                    // A clause that cannot be judged, beside ones that landed.
                    "ALTER TABLE `t` ADD COLUMN `x` int NULL, FORCE",
                    "ALTER TABLE `t` ADD COLUMN `x` int NULL, ADD KEY (`x`)",
                    "ALTER TABLE `t` ADD COLUMN `x` int NULL, AUTO_INCREMENT=5",
                    "ALTER TABLE `t` ADD COLUMN `x` int NULL INVISIBLE",
                    // Statements it knows nothing of.
                    "SELECT 1",
                    "UPDATE `t` SET `a` = 1",
                    "ALTER DATABASE CHARACTER SET utf8mb4",
                    "CREATE TEMPORARY TABLE `audit` (`id` int NOT NULL, `at` datetime NULL, PRIMARY KEY (`id`))");
            List<String> landed = new ArrayList<>();
            for (String sql : runAgain) {
                if (landed(c, sql) != Landed.NO) {
                    landed.add(sql);
                }
            }
            assertThat(landed).isEmpty();
        }
    }

    private Landed landed(Connection c, String sql) throws SQLException {
        return landing.check(c, sql).landed();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

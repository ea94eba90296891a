package io.strata.dialect.mysql;

import io.strata.model.ColumnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySqlTextTest pins the canonical default form for both servers' spellings (MySQL 8 is not among
 * the test servers, so its raw COLUMN_DEFAULT values are given here as data), the qualifier stripping and the
 * definer removal.
 */
class MySqlTextTest {

    private static final ColumnType INT = new ColumnType.IntegerType("int", 4, false);
    private static final ColumnType VARCHAR = new ColumnType.StringType("varchar", ColumnType.StringKind.VARCHAR, 10);
    private static final ColumnType TIMESTAMP = new ColumnType.TemporalType("timestamp", ColumnType.TemporalKind.TIMESTAMP, true, null);

    @Test
    void mariaDbDefaultsAreAlreadyCanonical() {
        assertThat(MySqlDefaults.canonical("NULL", "", INT, true)).isNull();
        assertThat(MySqlDefaults.canonical(null, "", INT, true)).isNull();
        assertThat(MySqlDefaults.canonical("'NULL'", "", VARCHAR, true)).isEqualTo("'NULL'");
        assertThat(MySqlDefaults.canonical("5", "", INT, true)).isEqualTo("5");
        assertThat(MySqlDefaults.canonical("'it''s'", "", VARCHAR, true)).isEqualTo("'it''s'");
        assertThat(MySqlDefaults.canonical("current_timestamp()", "", TIMESTAMP, true)).isEqualTo("current_timestamp()");
    }

    @Test
    void mysql8RawDefaultsBecomeTheSameText() {
        assertThat(MySqlDefaults.canonical("5", "", INT, false)).isEqualTo("5");
        assertThat(MySqlDefaults.canonical("it's C:\\x", "", VARCHAR, false)).isEqualTo("'it''s C:\\\\x'");
        assertThat(MySqlDefaults.canonical("NULL", "", VARCHAR, false)).isEqualTo("'NULL'");
        assertThat(MySqlDefaults.canonical("", "", VARCHAR, false)).isEqualTo("''");
        assertThat(MySqlDefaults.canonical("CURRENT_TIMESTAMP", "DEFAULT_GENERATED on update CURRENT_TIMESTAMP",
                TIMESTAMP, false)).isEqualTo("current_timestamp()");
        assertThat(MySqlDefaults.canonical("CURRENT_TIMESTAMP(3)", "DEFAULT_GENERATED", TIMESTAMP, false))
                .isEqualTo("current_timestamp(3)");
        assertThat(MySqlDefaults.onUpdate("DEFAULT_GENERATED on update CURRENT_TIMESTAMP")).isEqualTo("current_timestamp()");
        assertThat(MySqlDefaults.onUpdate("on update current_timestamp(3)")).isEqualTo("current_timestamp(3)");
        assertThat(MySqlDefaults.onUpdate("auto_increment")).isNull();
    }

    @Test
    void expressionDefaultsLoseOnlyWholeExpressionParentheses() {
        assertThat(MySqlDefaults.canonical("(rand() * 10)", "", INT, true)).isEqualTo("rand() * 10");
        assertThat(MySqlDefaults.canonical("rand() * 10", "DEFAULT_GENERATED", INT, false)).isEqualTo("rand() * 10");
        assertThat(MySqlDefaults.stripOuterParentheses("(a) + (b)")).isEqualTo("(a) + (b)");
        assertThat(MySqlDefaults.stripOuterParentheses("((concat(')', x)))")).isEqualTo("concat(')', x)");
    }

    @Test
    void literalsNeedNoParentheses() {
        assertThat(MySqlDefaults.isLiteral("'x'")).isTrue();
        assertThat(MySqlDefaults.isLiteral("-1.5")).isTrue();
        assertThat(MySqlDefaults.isLiteral("b'101'")).isTrue();
        assertThat(MySqlDefaults.isLiteral("current_timestamp(3)")).isTrue();
        assertThat(MySqlDefaults.isLiteral("rand() * 10")).isFalse();
    }

    @Test
    void stripsOnlyTheDatabaseQualifierOutsideLiterals() {
        String sql = "select `shop`.`t`.`id` AS `id` from `shop`.`t` where `shop`.`t`.`s` = '`shop`.x' and `other`.`u`.`a` = 1";
        assertThat(MySqlSqlText.stripSchema(sql, "shop"))
                .isEqualTo("select `t`.`id` AS `id` from `t` where `t`.`s` = '`shop`.x' and `other`.`u`.`a` = 1");
        assertThat(MySqlSqlText.stripSchema("`shop_x`.`t`", "shop")).isEqualTo("`shop_x`.`t`");
    }

    @Test
    void theDefinerOfARoutineIsRemovedHoweverTheServerQuotesIt() {
        assertThat(MySqlDefinedObjectReader.withoutDefiner("CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()\nSELECT 1"))
                .isEqualTo("CREATE PROCEDURE `p`()\nSELECT 1");
        assertThat(MySqlDefinedObjectReader.withoutDefiner("CREATE DEFINER=`app``s`@`%` FUNCTION `f`() RETURNS int RETURN 1"))
                .isEqualTo("CREATE FUNCTION `f`() RETURNS int RETURN 1");
        assertThat(MySqlDefinedObjectReader.withoutDefiner("CREATE DEFINER='ops'@'10.0.0.%' AGGREGATE FUNCTION `g`() RETURNS int"))
                .isEqualTo("CREATE AGGREGATE FUNCTION `g`() RETURNS int");
        // A role as definer (MariaDB) has no host part; a body that mentions DEFINER keeps it.
        assertThat(MySqlDefinedObjectReader.withoutDefiner("CREATE DEFINER=`admin_role` PROCEDURE `q`() SELECT 'DEFINER=x'"))
                .isEqualTo("CREATE PROCEDURE `q`() SELECT 'DEFINER=x'");
    }
}

package io.strata.model;

import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.EnumValues;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.StringType;
import io.strata.model.ColumnType.TemporalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int4|integer", "INT|integer", "int8|bigint", "varchar(64)|character varying(64)",
            "character varying|character varying", "timestamptz|timestamp with time zone",
            "timestamp(3) with time zone|timestamp(3) with time zone", "numeric(10,2)|numeric(10,2)",
            "decimal|numeric", "bool|boolean", "float8|double precision", "int[]|integer[]", "citext|citext"})
    void postgresAliasesParseToCanonicalText(String written, String canonical) {
        assertThat(ColumnTypes.parse("postgres", written).sql()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int(11)|int", "INT UNSIGNED|int unsigned", "int(10) unsigned|int unsigned", "integer|int",
            "varchar(255)|varchar(255)", "decimal(10,2)|decimal(10,2)", "datetime(3)|datetime(3)",
            "mediumtext|mediumtext", "varbinary(16)|varbinary(16)", "year(4)|year", "bool|tinyint"})
    void mysqlAliasesParseToCanonicalText(String written, String canonical) {
        assertThat(ColumnTypes.parse("mysql", written).sql()).isEqualTo(canonical);
    }

    @Test
    void structureCarriesSizes() {
        assertThat(ColumnTypes.parse("postgres", "smallint")).isEqualTo(new IntegerType("smallint", 2, false));
        assertThat(ColumnTypes.parse("mysql", "bigint unsigned")).isEqualTo(new IntegerType("bigint", 8, true));
        assertThat(ColumnTypes.parse("postgres", "numeric(12,4)")).isEqualTo(new DecimalType("numeric", 12, 4, false));
        assertThat(ColumnTypes.parse("postgres", "varchar(10)")).isEqualTo(
                new StringType("character varying", ColumnType.StringKind.VARCHAR, 10));
        assertThat(((TemporalType) ColumnTypes.parse("postgres", "timestamp")).withTimeZone()).isFalse();
        assertThat(((TemporalType) ColumnTypes.parse("mysql", "timestamp")).withTimeZone()).isTrue();
    }

    @Test
    void mysqlEnumMembersKeepQuotesAndOrder() {
        EnumValues e = (EnumValues) ColumnTypes.parse("mysql", "enum('a','it''s','c,d')");
        assertThat(e.values()).containsExactly("a", "it's", "c,d");
        assertThat(e.sql()).isEqualTo("enum('a','it''s','c,d')");
        assertThat(((EnumValues) ColumnTypes.parse("mysql", "set('x','y')")).isSet()).isTrue();
        assertThat(e.values()).isEqualTo(List.of("a", "it's", "c,d"));
    }
}

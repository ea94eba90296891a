package io.strata.model;

import io.strata.model.ValueFit.Fit;
import io.strata.model.ValueFit.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.strata.model.ValueFit.Fit.FITS;
import static io.strata.model.ValueFit.Fit.REFUSES;
import static io.strata.model.ValueFit.Fit.ROUNDS;
import static io.strata.model.ValueFit.Fit.ROUNDS_OR_REFUSES;
import static io.strata.model.ValueFit.Reading.REZONED;
import static io.strata.model.ValueFit.Reading.SAME;
import static org.assertj.core.api.Assertions.assertThat;

/** What converting a column from one type to another does to its values, per dialect. */
class ValueFitTest {

    @ParameterizedTest(name = "{0}: {1} -> {2} {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // the disagreements between check and lint, decided
            "postgres|timestamp|timestamptz|FITS|REZONED",
            "postgres|timestamptz|timestamp|FITS|REZONED",
            "postgres|bigint|double precision|ROUNDS|SAME",
            "mysql|varchar(20000)|text|REFUSES|SAME",
            "mysql|text|varchar(20000)|REFUSES|SAME",
            // integers, signed and unsigned
            "postgres|integer|bigint|FITS|SAME",
            "postgres|bigint|integer|REFUSES|SAME",
            "mysql|int unsigned|bigint|FITS|SAME",
            "mysql|int unsigned|int|REFUSES|SAME",
            "mysql|int|int unsigned|REFUSES|SAME",
            "mysql|tinyint unsigned|smallint|FITS|SAME",
            // exact numbers: integer digits refuse, scale rounds
            "postgres|numeric(10,2)|numeric(12,4)|FITS|SAME",
            "postgres|numeric(12,4)|numeric(14,2)|ROUNDS|SAME",
            "postgres|numeric(12,2)|numeric(10,2)|REFUSES|SAME",
            "postgres|numeric(12,4)|numeric(10,2)|ROUNDS_OR_REFUSES|SAME",
            "postgres|numeric(10,2)|numeric|FITS|SAME",
            "postgres|numeric|numeric(10,2)|ROUNDS_OR_REFUSES|SAME",
            "postgres|integer|numeric(10,0)|FITS|SAME",
            "postgres|integer|numeric(9,0)|REFUSES|SAME",
            "postgres|numeric(10,2)|bigint|ROUNDS|SAME",
            "mysql|decimal(10,2)|decimal(10,2) unsigned|REFUSES|SAME",
            "mysql|decimal(10,2) unsigned|decimal(12,2)|FITS|SAME",
            // floats: whole numbers fit the mantissa, a double overflows a real
            "postgres|integer|double precision|FITS|SAME",
            "postgres|integer|real|ROUNDS|SAME",
            "postgres|real|double precision|FITS|SAME",
            "postgres|double precision|real|ROUNDS_OR_REFUSES|SAME",
            "postgres|double precision|integer|ROUNDS_OR_REFUSES|SAME",
            "postgres|double precision|numeric|ROUNDS|SAME",
            "postgres|numeric|double precision|ROUNDS_OR_REFUSES|SAME",
            "postgres|numeric(10,2)|double precision|ROUNDS|SAME",
            "mysql|float unsigned|double|FITS|SAME",
            "mysql|double|float unsigned|ROUNDS_OR_REFUSES|SAME",
            // strings: MySQL TEXT holds its size in one-byte characters, guarantees a quarter of it
            "postgres|varchar(10)|varchar(20)|FITS|SAME",
            "postgres|varchar|text|FITS|SAME",
            "postgres|text|varchar(10)|REFUSES|SAME",
            "postgres|char(10)|varchar(20)|FITS|RESTYLED",
            "postgres|varchar(10)|char(5)|REFUSES|RESTYLED",
            "mysql|varchar(255)|text|FITS|SAME",
            "mysql|varchar(16383)|text|FITS|SAME",
            "mysql|varchar(16384)|text|REFUSES|SAME",
            "mysql|varchar(255)|tinytext|REFUSES|SAME",
            "mysql|tinytext|varchar(255)|FITS|SAME",
            "mysql|text|mediumtext|FITS|SAME",
            "mysql|longtext|mediumtext|REFUSES|SAME",
            "mysql|varchar(20000)|longtext|FITS|SAME",
            // strings with a format
            "postgres|json|jsonb|REFUSES|RESTYLED",
            "postgres|jsonb|json|FITS|RESTYLED",
            "postgres|json|text|FITS|SAME",
            "postgres|text|jsonb|REFUSES|SAME",
            "postgres|uuid|varchar(36)|FITS|SAME",
            "postgres|uuid|varchar(20)|REFUSES|SAME",
            "postgres|text|uuid|REFUSES|SAME",
            "mysql|json|longtext|FITS|SAME",
            "mysql|json|mediumtext|REFUSES|SAME",
            // enums and sets
            "mysql|\"enum('a','bb')\"|varchar(2)|FITS|RESTYLED",
            "mysql|\"enum('a','bb')\"|varchar(1)|REFUSES|RESTYLED",
            "mysql|varchar(10)|\"enum('a','bb')\"|REFUSES|RESTYLED",
            "mysql|\"enum('red','green')\"|\"enum('red','green','blue')\"|FITS|SAME",
            "mysql|\"enum('red','green','blue')\"|\"enum('red','green')\"|REFUSES|SAME",
            "mysql|\"enum('red','green')\"|\"enum('green','red')\"|FITS|RESTYLED",
            "mysql|\"enum('a','b')\"|\"set('a','b','c')\"|FITS|RETYPED",
            "mysql|\"set('a','b')\"|\"enum('a','b','c')\"|REFUSES|RETYPED",
            "mysql|\"set('a','b')\"|\"set('a','b','c')\"|FITS|SAME",
            // binary: PostgreSQL prints bytes as hex, MySQL reads them in a character set
            "mysql|varbinary(10)|varbinary(20)|FITS|SAME",
            "mysql|blob|tinyblob|REFUSES|SAME",
            "mysql|binary(16)|varbinary(16)|FITS|RESTYLED",
            "mysql|blob|longtext|REFUSES|RETYPED",
            "postgres|bytea|text|FITS|RETYPED",
            // dates and times
            "postgres|timestamp(3)|timestamp(6)|FITS|SAME",
            "postgres|timestamp|timestamp(6)|FITS|SAME",
            "postgres|timestamp(6)|timestamp(3)|ROUNDS|SAME",
            "postgres|date|timestamp|FITS|SAME",
            "postgres|timestamp|date|ROUNDS|SAME",
            "postgres|date|timestamptz|FITS|REZONED",
            "postgres|timestamptz(6)|timestamp(3)|ROUNDS|REZONED",
            "postgres|time|timetz|FITS|REZONED",
            "postgres|timestamp|time|ROUNDS|RETYPED",
            "postgres|time|timestamp|REFUSES|RETYPED",
            "postgres|interval|time|REFUSES|RETYPED",
            "mysql|datetime|datetime(3)|FITS|SAME",
            "mysql|datetime(3)|datetime|ROUNDS|SAME",
            "mysql|date|datetime|FITS|SAME",
            "mysql|datetime|timestamp|REFUSES|REZONED",
            "mysql|datetime(6)|timestamp(3)|ROUNDS_OR_REFUSES|REZONED",
            "mysql|timestamp|datetime|FITS|REZONED",
            "mysql|year|date|REFUSES|RETYPED",
            // unrelated kinds: printed into text when it is long enough, else parsed
            "postgres|integer|text|FITS|RETYPED",
            "postgres|integer|varchar(11)|FITS|RETYPED",
            "postgres|integer|varchar(10)|REFUSES|RETYPED",
            "postgres|bigint|varchar(20)|FITS|RETYPED",
            "postgres|numeric(5,2)|varchar(7)|FITS|RETYPED",
            "postgres|numeric|varchar(100)|REFUSES|RETYPED",
            "postgres|boolean|varchar(5)|FITS|RETYPED",
            "postgres|date|text|FITS|RETYPED",
            "postgres|date|varchar(20)|REFUSES|RETYPED",
            "postgres|text|integer|REFUSES|RETYPED",
            "postgres|boolean|integer|REFUSES|RETYPED",
            "mysql|int|text|FITS|RETYPED",
            "mysql|int unsigned|varchar(10)|FITS|RETYPED",
            // arrays and types known only by name
            "postgres|integer[]|bigint[]|FITS|SAME",
            "postgres|bigint[]|integer[]|REFUSES|SAME",
            "postgres|integer[]|integer|REFUSES|RETYPED",
            "postgres|integer[]|text|FITS|RETYPED",
            "postgres|citext|text|FITS|RETYPED",
            "postgres|text|citext|REFUSES|RETYPED",
            "postgres|inet|cidr|REFUSES|RETYPED",
            // MySQL's boolean is tinyint(1)
            "mysql|boolean|tinyint|FITS|SAME",
            "mysql|tinyint|int|FITS|SAME",
    })
    void convertsTheValues(String dialect, String from, String to, Fit fit, Reading reading) {
        assertThat(ValueFit.of(dialect, ColumnTypes.parse(dialect, from), ColumnTypes.parse(dialect, to)))
                .isEqualTo(new ValueFit(fit, reading));
    }

    @Test
    void typesKnownByTheSameTextAreTheSameType() {
        assertThat(ValueFit.of(ColumnTypes.POSTGRES, new ColumnType.OtherType("CITEXT"), new ColumnType.OtherType("citext")))
                .isEqualTo(new ValueFit(FITS, SAME));
    }

    @Test
    void postgresBooleanIsItsOwnKindAndMySqlBooleanIsTinyint() {
        ColumnType bool = new ColumnType.BooleanType("boolean");
        assertThat(ValueFit.of(ColumnTypes.MYSQL, bool, ColumnTypes.parse(ColumnTypes.MYSQL, "tinyint")))
                .isEqualTo(new ValueFit(FITS, SAME));
        assertThat(ValueFit.of(ColumnTypes.POSTGRES, bool, ColumnTypes.parse(ColumnTypes.POSTGRES, "smallint")).reading())
                .isEqualTo(Reading.RETYPED);
    }

    @Test
    void differentPostgresEnumTypesAreUnrelatedAndAnEnumPrintsIntoText() {
        ColumnType mood = new ColumnType.EnumRef("shop", "mood");
        ColumnType text = ColumnTypes.parse(ColumnTypes.POSTGRES, "text");
        assertThat(ValueFit.of(ColumnTypes.POSTGRES, mood, new ColumnType.EnumRef("shop", "feeling")))
                .isEqualTo(new ValueFit(REFUSES, Reading.RETYPED));
        assertThat(ValueFit.of(ColumnTypes.POSTGRES, mood, text)).isEqualTo(new ValueFit(FITS, Reading.RESTYLED));
        assertThat(ValueFit.of(ColumnTypes.POSTGRES, mood, ColumnTypes.parse(ColumnTypes.POSTGRES, "varchar(63)")).fit())
                .isEqualTo(FITS);
        assertThat(ValueFit.of(ColumnTypes.POSTGRES, text, mood)).isEqualTo(new ValueFit(REFUSES, Reading.RESTYLED));
    }

    @Test
    void aChangeAndItsReverseReadAlike() {
        String[][] pairs = {{"postgres", "timestamp", "timestamptz"}, {"postgres", "char(3)", "text"},
                {"postgres", "json", "jsonb"}, {"postgres", "integer", "text"}, {"mysql", "datetime", "timestamp"},
                {"mysql", "enum('a','b')", "enum('b','a')"}, {"mysql", "blob", "text"}};
        for (String[] p : pairs) {
            ColumnType a = ColumnTypes.parse(p[0], p[1]);
            ColumnType b = ColumnTypes.parse(p[0], p[2]);
            assertThat(ValueFit.of(p[0], a, b).reading()).as(p[1] + " and " + p[2]).isEqualTo(ValueFit.of(p[0], b, a).reading());
        }
    }

    @Test
    void callersReadTheVerdictThroughThreeQuestions() {
        ValueFit rezoned = new ValueFit(FITS, REZONED);
        assertThat(rezoned.lossless()).isFalse();
        assertThat(rezoned.refuses()).isFalse();
        assertThat(rezoned.changesSilently()).isTrue();
        ValueFit both = new ValueFit(ROUNDS_OR_REFUSES, SAME);
        assertThat(both.refuses()).isTrue();
        assertThat(both.changesSilently()).isTrue();
        assertThat(new ValueFit(ROUNDS, SAME).refuses()).isFalse();
        assertThat(new ValueFit(FITS, Reading.RETYPED).lossless()).isTrue();
    }
}

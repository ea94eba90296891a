package io.strata.compat.relational;

import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;

import java.util.List;

/**
 * TypeFitPairs are the type changes every caller of the value relation is asked about: the probes where
 * {@code strata check} and {@code strata lint} used to disagree, and every pair the compatibility, lint,
 * planner and command tests change a column between.
 */
final class TypeFitPairs {

    /** One column type change in one dialect. */
    record Pair(String dialect, ColumnType from, ColumnType to) {
        @Override
        public String toString() {
            return dialect + ": " + from.sql() + " -> " + to.sql();
        }
    }

    private TypeFitPairs() {
    }

    static List<Pair> all() {
        return List.of(
                // the disagreements between check and lint
                pg("timestamp", "timestamptz"), pg("timestamptz", "timestamp"),
                pg("bigint", "double precision"), my("varchar(20000)", "text"),
                // integers
                pg("smallint", "integer"), pg("integer", "bigint"), pg("bigint", "integer"),
                my("mediumint", "int"), my("int unsigned", "bigint"), my("int unsigned", "int"),
                my("tinyint", "tinyint unsigned"), my("tinyint unsigned", "smallint"),
                my("bigint unsigned", "bigint"), my("int", "int unsigned"), my("int", "bigint"), my("bigint", "int"),
                // exact numbers
                pg("numeric(10,2)", "numeric(12,2)"), pg("numeric(12,2)", "numeric(10,2)"),
                pg("numeric(10,2)", "numeric(12,4)"), pg("numeric(10,2)", "numeric(10,4)"),
                pg("numeric(10,2)", "numeric"), pg("numeric", "numeric(10,2)"), pg("integer", "numeric(10,0)"),
                pg("integer", "numeric(9,0)"), pg("numeric(10,2)", "bigint"), pg("numeric(12,4)", "numeric(14,2)"),
                pg("numeric(12,4)", "numeric(14,4)"), pg("numeric(12,4)", "numeric(10,2)"),
                my("decimal(10,2)", "decimal(10,2) unsigned"), my("decimal(10,2) unsigned", "decimal(12,2)"),
                my("decimal(10,2)", "bigint"),
                // floats
                pg("real", "double precision"), pg("double precision", "real"), pg("integer", "double precision"),
                pg("integer", "real"), pg("double precision", "integer"), pg("numeric(10,2)", "double precision"),
                pg("numeric", "double precision"), pg("double precision", "numeric"),
                my("double", "decimal(10,2)"), my("int", "double"), my("bigint", "double"), my("float", "double"),
                my("double", "float"), my("float unsigned", "double"),
                // strings
                pg("character varying(10)", "character varying(20)"), pg("character varying(20)", "character varying(10)"),
                pg("character varying(10)", "character varying(50)"), pg("character varying(50)", "character varying(10)"),
                pg("character varying(64)", "character varying(16)"), pg("character varying(16)", "character varying(64)"),
                pg("character varying", "text"), pg("character varying(10)", "text"), pg("text", "character varying(10)"),
                pg("text", "character varying"), pg("character(10)", "character varying(10)"),
                pg("character varying(10)", "character varying(12)"), pg("character(10)", "character varying(20)"),
                pg("character varying(10)", "character(5)"), pg("character(10)", "character(12)"),
                my("varchar(255)", "text"), my("text", "varchar(255)"), my("varchar(255)", "tinytext"),
                my("tinytext", "varchar(255)"), my("text", "mediumtext"), my("longtext", "text"),
                my("varchar(20000)", "mediumtext"), my("text", "varchar(20000)"), my("varchar(10)", "varchar(20)"),
                my("char(10)", "varchar(20)"), my("json", "longtext"), my("json", "text"),
                // enums and sets
                my("enum('a','bb')", "varchar(10)"), my("varchar(10)", "enum('a','bb')"), my("enum('a','b')", "set('a','b')"),
                my("set('a','b')", "enum('a','b','c')"), my("enum('red','green')", "enum('red','green','blue')"),
                my("enum('red','green','blue')", "enum('red','green')"), my("enum('red','green')", "enum('green','red')"),
                pair(ColumnTypes.POSTGRES, new ColumnType.EnumRef("shop", "mood"), new ColumnType.EnumRef("shop", "feeling")),
                pair(ColumnTypes.POSTGRES, new ColumnType.EnumRef("shop", "mood"), type(ColumnTypes.POSTGRES, "text")),
                pair(ColumnTypes.POSTGRES, type(ColumnTypes.POSTGRES, "text"), new ColumnType.EnumRef("shop", "mood")),
                // strings with a format
                pg("json", "jsonb"), pg("jsonb", "json"), pg("text", "jsonb"), pg("json", "text"),
                pg("json", "character varying(100)"), pg("uuid", "text"), pg("uuid", "character varying(20)"),
                pg("uuid", "character varying(36)"), pg("text", "uuid"),
                // binary
                my("varbinary(10)", "varbinary(20)"), my("blob", "tinyblob"), my("binary(16)", "varbinary(16)"),
                my("varbinary(300)", "blob"), my("blob", "text"), pg("bytea", "text"),
                // temporal
                pg("timestamp(3)", "timestamp(6)"), pg("timestamp(6)", "timestamp(3)"), pg("timestamp", "timestamp(6)"),
                pg("date", "timestamp"), pg("timestamp", "date"), pg("date", "timestamptz"), pg("time", "timetz"),
                pg("time", "timestamp"), pg("interval", "time"), pg("timestamp", "time"), pg("timestamptz(6)", "timestamp(3)"),
                my("datetime", "datetime(3)"), my("datetime(3)", "datetime"), my("datetime", "timestamp"),
                my("timestamp", "datetime"), my("date", "datetime"), my("date", "timestamp"), my("year", "date"),
                // unrelated, arrays, and types known only by name
                pg("boolean", "integer"), pg("integer", "character varying(20)"), pg("integer", "character varying(5)"),
                pg("integer", "text"), pg("date", "text"), pg("text", "integer"), pg("integer[]", "bigint[]"),
                pg("integer[]", "integer"), pg("integer[]", "text"), pg("inet", "cidr"), pg("citext", "text"), pg("text", "citext"),
                pair(ColumnTypes.POSTGRES, new ColumnType.OtherType("CITEXT"), new ColumnType.OtherType("citext")),
                my("int", "text"), my("int", "varchar(5)"), my("date", "varchar(10)"),
                // booleans
                pair(ColumnTypes.MYSQL, new ColumnType.BooleanType("boolean"), type(ColumnTypes.MYSQL, "tinyint")),
                pair(ColumnTypes.MYSQL, new ColumnType.BooleanType("boolean"), type(ColumnTypes.MYSQL, "int")),
                pg("boolean", "smallint"));
    }

    static ColumnType type(String dialect, String sql) {
        return ColumnTypes.parse(dialect, sql);
    }

    private static Pair pg(String from, String to) {
        return pair(ColumnTypes.POSTGRES, type(ColumnTypes.POSTGRES, from), type(ColumnTypes.POSTGRES, to));
    }

    private static Pair my(String from, String to) {
        return pair(ColumnTypes.MYSQL, type(ColumnTypes.MYSQL, from), type(ColumnTypes.MYSQL, to));
    }

    private static Pair pair(String dialect, ColumnType from, ColumnType to) {
        return new Pair(dialect, from, to);
    }
}

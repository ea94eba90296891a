package io.strata.compat.relational;

import io.strata.model.ColumnType;
import io.strata.model.ColumnType.ArrayType;
import io.strata.model.ColumnType.BinaryType;
import io.strata.model.ColumnType.BooleanType;
import io.strata.model.ColumnType.DecimalType;
import io.strata.model.ColumnType.EnumRef;
import io.strata.model.ColumnType.EnumValues;
import io.strata.model.ColumnType.FloatType;
import io.strata.model.ColumnType.IntegerType;
import io.strata.model.ColumnType.JsonType;
import io.strata.model.ColumnType.OtherType;
import io.strata.model.ColumnType.StringKind;
import io.strata.model.ColumnType.StringType;
import io.strata.model.ColumnType.TemporalKind;
import io.strata.model.ColumnType.TemporalType;
import io.strata.model.ColumnType.UuidType;

import java.util.List;

/** Types builds column types as the inspectors would, PostgreSQL first, then MySQL ({@code my*}). */
final class Types {

    private Types() {
    }

    // ---- PostgreSQL

    static ColumnType smallint() {
        return new IntegerType("smallint", 2, false);
    }

    static ColumnType integer() {
        return new IntegerType("integer", 4, false);
    }

    static ColumnType bigint() {
        return new IntegerType("bigint", 8, false);
    }

    static ColumnType numeric(int precision, int scale) {
        return new DecimalType("numeric", precision, scale, false);
    }

    static ColumnType numeric() {
        return new DecimalType("numeric", null, null, false);
    }

    static ColumnType real() {
        return new FloatType("real", 4, false);
    }

    static ColumnType doublePrecision() {
        return new FloatType("double precision", 8, false);
    }

    static ColumnType varchar(Integer length) {
        return new StringType("character varying", StringKind.VARCHAR, length);
    }

    static ColumnType character(int length) {
        return new StringType("character", StringKind.CHAR, length);
    }

    static ColumnType text() {
        return new StringType("text", StringKind.TEXT, null);
    }

    static ColumnType bytea() {
        return new BinaryType("bytea", null, false);
    }

    static ColumnType bool() {
        return new BooleanType("boolean");
    }

    static ColumnType date() {
        return new TemporalType("date", TemporalKind.DATE, false, null);
    }

    static ColumnType timestamp(Integer precision) {
        return new TemporalType("timestamp without time zone", TemporalKind.TIMESTAMP, false, precision);
    }

    static ColumnType timestamptz(Integer precision) {
        return new TemporalType("timestamp with time zone", TemporalKind.TIMESTAMP, true, precision);
    }

    static ColumnType time() {
        return new TemporalType("time without time zone", TemporalKind.TIME, false, null);
    }

    static ColumnType timetz() {
        return new TemporalType("time with time zone", TemporalKind.TIME, true, null);
    }

    static ColumnType interval() {
        return new TemporalType("interval", TemporalKind.INTERVAL, false, null);
    }

    static ColumnType json() {
        return new JsonType("json", false);
    }

    static ColumnType jsonb() {
        return new JsonType("jsonb", true);
    }

    static ColumnType uuid() {
        return new UuidType("uuid");
    }

    static ColumnType array(ColumnType element) {
        return new ArrayType(element);
    }

    static ColumnType enumRef(String name) {
        return new EnumRef("shop", name);
    }

    static ColumnType other(String text) {
        return new OtherType(text);
    }

    // ---- MySQL

    static ColumnType myInt(String name, boolean unsigned) {
        int bytes = switch (name) {
            case "tinyint" -> 1;
            case "smallint" -> 2;
            case "mediumint" -> 3;
            case "int" -> 4;
            default -> 8;
        };
        return new IntegerType(name, bytes, unsigned);
    }

    static ColumnType myDecimal(int precision, int scale, boolean unsigned) {
        return new DecimalType("decimal", precision, scale, unsigned);
    }

    static ColumnType myDouble() {
        return new FloatType("double", 8, false);
    }

    static ColumnType myVarchar(int length) {
        return new StringType("varchar", StringKind.VARCHAR, length);
    }

    static ColumnType myText(String name) {
        int bytes = switch (name) {
            case "tinytext" -> 255;
            case "text" -> 65_535;
            case "mediumtext" -> 16_777_215;
            default -> Integer.MAX_VALUE;
        };
        return new StringType(name, StringKind.TEXT, bytes);
    }

    static ColumnType myEnum(String... members) {
        return new EnumValues("enum", List.of(members));
    }

    static ColumnType mySet(String... members) {
        return new EnumValues("set", List.of(members));
    }

    static ColumnType myVarbinary(int length) {
        return new BinaryType("varbinary", length, false);
    }

    static ColumnType myBinary(int length) {
        return new BinaryType("binary", length, true);
    }

    static ColumnType myBlob(String name) {
        return new BinaryType(name, name.equals("tinyblob") ? 255 : 65_535, false);
    }

    static ColumnType myDatetime(Integer precision) {
        return new TemporalType("datetime", TemporalKind.TIMESTAMP, false, precision);
    }

    static ColumnType myTimestamp() {
        return new TemporalType("timestamp", TemporalKind.TIMESTAMP, true, null);
    }
}

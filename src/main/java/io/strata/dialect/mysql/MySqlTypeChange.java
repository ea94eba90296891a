package io.strata.dialect.mysql;

import io.strata.model.ColumnType;
import io.strata.model.ColumnTypes;
import io.strata.model.ValueFit;

/**
 * MySqlTypeChange classifies a column type change by whether every old value still fits (widening, as
 * {@link ValueFit} says) and whether the server can then make it without copying the table.
 */
enum MySqlTypeChange {
    /** ENUM or SET members added at the end, storage size unchanged: a catalog-only change. */
    MEMBERS_APPENDED,
    /** VARCHAR lengthened without crossing the 255-byte boundary of its length prefix: rows stay as they are. */
    VARCHAR_SAME_PREFIX,
    /** Every old value fits the new type, but rows are rewritten. */
    WIDENING,
    /** Some old values may not fit, or are rounded or shifted by a time zone: the change can fail or lose data. */
    NARROWING;

    static MySqlTypeChange of(ColumnType from, ColumnType to, String charset) {
        if (!ValueFit.of(ColumnTypes.MYSQL, from, to).lossless()) {
            return NARROWING;
        }
        if (from instanceof ColumnType.EnumValues a && to instanceof ColumnType.EnumValues b) {
            return appended(a, b) && storageBytes(a) == storageBytes(b) ? MEMBERS_APPENDED : WIDENING;
        }
        if (from instanceof ColumnType.StringType a && to instanceof ColumnType.StringType b
                && a.kind() == ColumnType.StringKind.VARCHAR && b.kind() == ColumnType.StringKind.VARCHAR) {
            int perChar = bytesPerChar(charset);
            boolean samePrefix = a.length() * perChar <= 255 == b.length() * perChar <= 255;
            return samePrefix ? VARCHAR_SAME_PREFIX : WIDENING;
        }
        return WIDENING;
    }

    /** Whether {@code b} is {@code a} with members added at the end, which keeps every stored index. */
    private static boolean appended(ColumnType.EnumValues a, ColumnType.EnumValues b) {
        return a.name().equals(b.name()) && b.values().size() >= a.values().size()
                && b.values().subList(0, a.values().size()).equals(a.values());
    }

    /** ENUM stores an index of 1 or 2 bytes, SET a bitmap of 1, 2, 3, 4 or 8 bytes. */
    private static int storageBytes(ColumnType.EnumValues type) {
        int n = type.values().size();
        if (!type.isSet()) {
            return n <= 255 ? 1 : 2;
        }
        int bytes = (n + 7) / 8;
        return bytes > 4 ? 8 : bytes;
    }

    /** The most bytes one character takes in {@code charset}; unknown character sets count as 4, the safe side. */
    static int bytesPerChar(String charset) {
        if (charset == null) {
            return 4;
        }
        return switch (charset) {
            case "latin1", "ascii", "binary", "latin2", "cp1250", "cp1251", "cp1252" -> 1;
            case "ucs2", "utf16" -> 2;
            case "utf8", "utf8mb3" -> 3;
            default -> 4;
        };
    }
}

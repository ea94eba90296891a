package io.strata.dialect.mysql;

import io.strata.model.ColumnType;

import java.util.List;

/**
 * MySqlTypeChange classifies a column type change by what it does to stored values: whether every
 * old value still fits (widening) and whether the server can make it without copying the table.
 */
enum MySqlTypeChange {
    /** ENUM or SET members added at the end, storage size unchanged: a catalog-only change. */
    MEMBERS_APPENDED,
    /** VARCHAR lengthened without crossing the 255-byte boundary of its length prefix: rows stay as they are. */
    VARCHAR_SAME_PREFIX,
    /** Every old value fits the new type, but rows are rewritten. */
    WIDENING,
    /** Some old values may not fit, or members change meaning: the change can fail or lose data. */
    NARROWING;

    private static final List<String> TEXT_SIZES = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final List<String> BLOB_SIZES = List.of("tinyblob", "blob", "mediumblob", "longblob");

    static MySqlTypeChange of(ColumnType from, ColumnType to, String charset) {
        if (from instanceof ColumnType.EnumValues a && to instanceof ColumnType.EnumValues b) {
            return members(a, b);
        }
        if (from instanceof ColumnType.StringType a && to instanceof ColumnType.StringType b) {
            return strings(a, b, charset);
        }
        return widens(from, to) ? WIDENING : NARROWING;
    }

    private static MySqlTypeChange members(ColumnType.EnumValues a, ColumnType.EnumValues b) {
        boolean appended = a.name().equals(b.name()) && b.values().size() >= a.values().size()
                && b.values().subList(0, a.values().size()).equals(a.values());
        if (!appended) {
            return NARROWING;
        }
        return storageBytes(a) == storageBytes(b) ? MEMBERS_APPENDED : WIDENING;
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

    private static MySqlTypeChange strings(ColumnType.StringType a, ColumnType.StringType b, String charset) {
        if (a.kind() == ColumnType.StringKind.VARCHAR && b.kind() == ColumnType.StringKind.VARCHAR) {
            if (b.length() < a.length()) {
                return NARROWING;
            }
            int perChar = bytesPerChar(charset);
            boolean samePrefix = a.length() * perChar <= 255 == b.length() * perChar <= 255;
            return samePrefix ? VARCHAR_SAME_PREFIX : WIDENING;
        }
        return widens(a, b) ? WIDENING : NARROWING;
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

    private static boolean widens(ColumnType from, ColumnType to) {
        if (from instanceof ColumnType.IntegerType a && to instanceof ColumnType.IntegerType b) {
            return a.unsigned() == b.unsigned() ? b.bytes() >= a.bytes() : !b.unsigned() && b.bytes() > a.bytes();
        }
        if (from instanceof ColumnType.DecimalType a && to instanceof ColumnType.DecimalType b) {
            return a.precision() != null && b.precision() != null && a.unsigned() == b.unsigned()
                    && b.scale() >= a.scale() && b.precision() - b.scale() >= a.precision() - a.scale();
        }
        if (from instanceof ColumnType.FloatType a && to instanceof ColumnType.FloatType b) {
            return b.bytes() >= a.bytes() && a.unsigned() == b.unsigned();
        }
        if (from instanceof ColumnType.StringType a && to instanceof ColumnType.StringType b) {
            return stringRank(b) >= stringRank(a);
        }
        if (from instanceof ColumnType.BinaryType a && to instanceof ColumnType.BinaryType b) {
            return binaryRank(b) >= binaryRank(a);
        }
        if (from instanceof ColumnType.TemporalType a && to instanceof ColumnType.TemporalType b) {
            return a.kind() == b.kind() && a.name().equals(b.name())
                    && (b.precision() == null ? 0 : b.precision()) >= (a.precision() == null ? 0 : a.precision());
        }
        return false;
    }

    /** Maximum characters a string type holds; the text family ranks above any VARCHAR. */
    private static long stringRank(ColumnType.StringType t) {
        if (t.kind() != ColumnType.StringKind.TEXT) {
            return t.length() == null ? 0 : t.length();
        }
        int size = TEXT_SIZES.indexOf(t.name());
        return 65_536L * (size < 0 ? 1 : size + 1);
    }

    private static long binaryRank(ColumnType.BinaryType t) {
        int size = BLOB_SIZES.indexOf(t.name());
        if (size >= 0) {
            return 65_536L * (size + 1);
        }
        return t.length() == null ? 0 : t.length();
    }
}

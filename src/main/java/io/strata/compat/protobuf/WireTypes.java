package io.strata.compat.protobuf;

import java.util.Map;

/**
 * WireTypes holds the type compatibility groups: two types in one group decode each other's data. The
 * groups are Buf's (https://buf.build/docs/breaking/rules), which follow the Protobuf language guide's
 * "updating a message type": int32, int64, uint32, uint64 and bool share one varint encoding; for JSON
 * the 64-bit integers are strings, so the groups split further.
 */
final class WireTypes {

    private static final Map<String, Integer> WIRE = Map.ofEntries(
            Map.entry("int32", 1), Map.entry("int64", 1), Map.entry("uint32", 1), Map.entry("uint64", 1),
            Map.entry("bool", 1), Map.entry("sint32", 2), Map.entry("sint64", 2),
            // string and bytes share an encoding, but bytes need not be valid UTF-8: separate groups, and
            // writer string -> reader bytes is allowed below
            Map.entry("string", 3), Map.entry("bytes", 4),
            Map.entry("fixed32", 5), Map.entry("sfixed32", 5), Map.entry("fixed64", 6), Map.entry("sfixed64", 6),
            Map.entry("double", 7), Map.entry("float", 8), Map.entry("group", 9), Map.entry("message", 10),
            Map.entry("enum", 11));

    private static final Map<String, Integer> WIRE_JSON = Map.ofEntries(
            Map.entry("int32", 1), Map.entry("uint32", 1), Map.entry("int64", 2), Map.entry("uint64", 2),
            Map.entry("fixed32", 3), Map.entry("sfixed32", 3), Map.entry("fixed64", 4), Map.entry("sfixed64", 4),
            Map.entry("bool", 5), Map.entry("sint32", 6), Map.entry("sint64", 7), Map.entry("string", 8),
            Map.entry("bytes", 9), Map.entry("double", 10), Map.entry("float", 11), Map.entry("group", 12),
            Map.entry("message", 13), Map.entry("enum", 14));

    private WireTypes() {
    }

    /** The encoding-level kind of a field: its scalar name, or message, enum, group (a map is a message). */
    static String kind(ProtoField f) {
        return switch (f.kind()) {
            case SCALAR -> f.type();
            case MESSAGE, MAP -> "message";
            case ENUM -> "enum";
            case GROUP -> "group";
        };
    }

    /** Whether data of {@code writer}'s kind decodes as {@code reader}'s kind at {@code strictness}. */
    static boolean sameGroup(String reader, String writer, Strictness strictness) {
        if (strictness.atLeast(Strictness.PACKAGE)) {
            return reader.equals(writer);
        }
        if (strictness == Strictness.WIRE && writer.equals("string") && reader.equals("bytes")) {
            return true;
        }
        Map<String, Integer> groups = strictness == Strictness.WIRE ? WIRE : WIRE_JSON;
        return groups.get(reader).equals(groups.get(writer));
    }
}

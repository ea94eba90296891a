package io.strata.compat.protobuf;

import java.util.Map;
import java.util.Set;

import static io.strata.compat.protobuf.ProtoRule.*;

/**
 * BufRules maps Buf's breaking-change rule ids to the Strata codes that answer for them, with the loosest
 * Buf category that contains the rule (which is the strictness a case selecting it is checked at).
 * Data from https://buf.build/docs/breaking/rules; Buf is Apache-2.0, Copyright Buf Technologies, Inc.
 */
final class BufRules {

    /** The Strata codes that count as reporting a Buf rule, and the strictness it belongs to. */
    record Mapping(Strictness strictness, Set<ProtoRule> codes) {
    }

    /** Buf's categories, selectable in buf.yaml as a whole. */
    static final Map<String, Strictness> CATEGORIES = Map.of("FILE", Strictness.FILE, "PACKAGE", Strictness.PACKAGE,
            "WIRE_JSON", Strictness.WIRE_JSON, "WIRE", Strictness.WIRE);

    static final Map<String, Mapping> RULES = Map.ofEntries(
            // deletions, judged file by file
            rule("FILE_NO_DELETE", Strictness.FILE, FILE_REMOVED),
            rule("MESSAGE_NO_DELETE", Strictness.FILE, MESSAGE_REMOVED),
            rule("ENUM_NO_DELETE", Strictness.FILE, ENUM_REMOVED),
            rule("SERVICE_NO_DELETE", Strictness.FILE, SERVICE_REMOVED),
            rule("EXTENSION_NO_DELETE", Strictness.FILE, EXTENSION_REMOVED),
            // deletions, judged by package
            rule("PACKAGE_NO_DELETE", Strictness.PACKAGE, PACKAGE_REMOVED),
            rule("PACKAGE_MESSAGE_NO_DELETE", Strictness.PACKAGE, MESSAGE_REMOVED),
            rule("PACKAGE_ENUM_NO_DELETE", Strictness.PACKAGE, ENUM_REMOVED),
            rule("PACKAGE_SERVICE_NO_DELETE", Strictness.PACKAGE, SERVICE_REMOVED),
            rule("PACKAGE_EXTENSION_NO_DELETE", Strictness.PACKAGE, EXTENSION_REMOVED),
            rule("FIELD_NO_DELETE", Strictness.PACKAGE, FIELD_REMOVED),
            rule("ENUM_VALUE_NO_DELETE", Strictness.PACKAGE, ENUM_VALUE_REMOVED),
            rule("ONEOF_NO_DELETE", Strictness.PACKAGE, ONEOF_REMOVED),
            rule("RPC_NO_DELETE", Strictness.PACKAGE, RPC_REMOVED),
            rule("RESERVED_MESSAGE_NO_DELETE", Strictness.PACKAGE, RESERVED_REMOVED),
            rule("RESERVED_ENUM_NO_DELETE", Strictness.PACKAGE, RESERVED_REMOVED),
            rule("EXTENSION_MESSAGE_NO_DELETE", Strictness.PACKAGE, EXTENSION_RANGE_REMOVED),
            rule("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", Strictness.WIRE_JSON, FIELD_REMOVED),
            rule("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", Strictness.WIRE, FIELD_REMOVED),
            rule("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", Strictness.WIRE_JSON, ENUM_VALUE_REMOVED),
            rule("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", Strictness.WIRE, ENUM_VALUE_REMOVED),
            // fields
            rule("FIELD_SAME_TYPE", Strictness.PACKAGE, FIELD_TYPE_CHANGED, FIELD_NUMBER_REUSED),
            rule("FIELD_WIRE_JSON_COMPATIBLE_TYPE", Strictness.WIRE_JSON, FIELD_TYPE_CHANGED, FIELD_NUMBER_REUSED),
            rule("FIELD_WIRE_COMPATIBLE_TYPE", Strictness.WIRE, FIELD_TYPE_CHANGED, FIELD_NUMBER_REUSED),
            rule("FIELD_SAME_CARDINALITY", Strictness.PACKAGE, FIELD_CARDINALITY_CHANGED),
            rule("FIELD_SAME_LABEL", Strictness.PACKAGE, FIELD_CARDINALITY_CHANGED),
            rule("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", Strictness.WIRE_JSON, FIELD_CARDINALITY_CHANGED),
            rule("FIELD_WIRE_COMPATIBLE_CARDINALITY", Strictness.WIRE, FIELD_CARDINALITY_CHANGED),
            rule("FIELD_SAME_NAME", Strictness.WIRE_JSON, FIELD_RENAMED, FIELD_NUMBER_REUSED),
            rule("FIELD_SAME_JSON_NAME", Strictness.WIRE_JSON, FIELD_JSON_NAME_CHANGED, FIELD_RENAMED,
                    FIELD_NUMBER_REUSED),
            rule("FIELD_SAME_ONEOF", Strictness.WIRE, FIELD_ONEOF_CHANGED),
            rule("FIELD_SAME_DEFAULT", Strictness.WIRE, FIELD_DEFAULT_CHANGED),
            rule("FIELD_SAME_UTF8_VALIDATION", Strictness.WIRE, FIELD_UTF8_VALIDATION_CHANGED),
            rule("FIELD_SAME_CPP_STRING_TYPE", Strictness.FILE, FIELD_LANGUAGE_OPTION_CHANGED),
            rule("FIELD_SAME_CTYPE", Strictness.FILE, FIELD_LANGUAGE_OPTION_CHANGED),
            rule("FIELD_SAME_JSTYPE", Strictness.FILE, FIELD_LANGUAGE_OPTION_CHANGED),
            rule("FIELD_SAME_JAVA_UTF8_VALIDATION", Strictness.FILE, FIELD_LANGUAGE_OPTION_CHANGED),
            rule("MESSAGE_SAME_REQUIRED_FIELDS", Strictness.WIRE, REQUIRED_FIELD_MISSING),
            // enums and messages
            rule("ENUM_VALUE_SAME_NAME", Strictness.WIRE_JSON, ENUM_VALUE_RENAMED),
            rule("ENUM_SAME_TYPE", Strictness.WIRE, ENUM_OPENNESS_CHANGED),
            rule("ENUM_SAME_JSON_FORMAT", Strictness.WIRE_JSON, JSON_FORMAT_CHANGED),
            rule("MESSAGE_SAME_JSON_FORMAT", Strictness.WIRE_JSON, JSON_FORMAT_CHANGED),
            rule("MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT", Strictness.WIRE, MESSAGE_SET_WIRE_FORMAT_CHANGED),
            rule("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", Strictness.FILE, MESSAGE_OPTION_CHANGED),
            // services
            rule("RPC_SAME_REQUEST_TYPE", Strictness.PACKAGE, RPC_REQUEST_CHANGED),
            rule("RPC_SAME_RESPONSE_TYPE", Strictness.PACKAGE, RPC_RESPONSE_CHANGED),
            rule("RPC_SAME_CLIENT_STREAMING", Strictness.PACKAGE, RPC_STREAMING_CHANGED),
            rule("RPC_SAME_SERVER_STREAMING", Strictness.PACKAGE, RPC_STREAMING_CHANGED),
            rule("RPC_SAME_IDEMPOTENCY_LEVEL", Strictness.FILE, RPC_IDEMPOTENCY_CHANGED),
            // files
            rule("FILE_SAME_PACKAGE", Strictness.FILE, PACKAGE_CHANGED),
            rule("FILE_SAME_SYNTAX", Strictness.FILE, SYNTAX_CHANGED),
            fileOption("FILE_SAME_JAVA_PACKAGE"), fileOption("FILE_SAME_JAVA_OUTER_CLASSNAME"),
            fileOption("FILE_SAME_JAVA_MULTIPLE_FILES"), fileOption("FILE_SAME_GO_PACKAGE"),
            fileOption("FILE_SAME_OBJC_CLASS_PREFIX"), fileOption("FILE_SAME_CSHARP_NAMESPACE"),
            fileOption("FILE_SAME_SWIFT_PREFIX"), fileOption("FILE_SAME_PHP_CLASS_PREFIX"),
            fileOption("FILE_SAME_PHP_NAMESPACE"), fileOption("FILE_SAME_PHP_METADATA_NAMESPACE"),
            fileOption("FILE_SAME_RUBY_PACKAGE"), fileOption("FILE_SAME_OPTIMIZE_FOR"),
            fileOption("FILE_SAME_CC_GENERIC_SERVICES"), fileOption("FILE_SAME_JAVA_GENERIC_SERVICES"),
            fileOption("FILE_SAME_PY_GENERIC_SERVICES"), fileOption("FILE_SAME_CC_ENABLE_ARENAS"));

    private BufRules() {
    }

    private static Map.Entry<String, Mapping> rule(String id, Strictness strictness, ProtoRule... codes) {
        return Map.entry(id, new Mapping(strictness, Set.of(codes)));
    }

    private static Map.Entry<String, Mapping> fileOption(String id) {
        return rule(id, Strictness.FILE, FILE_OPTION_CHANGED);
    }
}

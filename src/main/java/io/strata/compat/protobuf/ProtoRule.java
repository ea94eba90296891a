package io.strata.compat.protobuf;

/**
 * ProtoRule is the closed list of Protobuf incompatibility codes, with the loosest {@link Strictness} at
 * which each applies, why it breaks and the safe recipe. The codes are Strata's own; the Buf rules each
 * one answers for are listed in the conformance test and the documentation.
 *
 * <p>{@link #directional()} rules are about history, not about one reader and one writer: "a field was
 * removed without reserving its number" cannot be told apart from "a field was added" when only a reader
 * and a writer are known, so those rules are only reported by {@link ProtobufSupport#evolution}.
 */
public enum ProtoRule {
    FIELD_NUMBER_REUSED(Strictness.WIRE, false,
            "a field number now names a different field with a type that is not wire compatible",
            "data written with the old field is decoded as the new one: garbage values or a parse error",
            "never reuse numbers: give the new field a fresh number and add the old number and name to 'reserved'"),
    FIELD_TYPE_CHANGED(Strictness.WIRE, false,
            "a field kept its number but changed to a type that is not compatible at this strictness",
            "the bytes (or JSON value) written for the old type do not decode as the new type; int32, int64, "
                    + "uint32, uint64 and bool share one varint encoding, sint*, fixed*, string, bytes, enums "
                    + "and messages do not",
            "add a new field with the new type and a new number, write both during the migration, then "
                    + "remove the old one and reserve its number and name"),
    FIELD_RENAMED(Strictness.WIRE_JSON, false,
            "a field kept its number but changed its name",
            "the binary encoding is unaffected, but JSON and text format carry the name, and generated code "
                    + "changes",
            "keep the name; if it must change, set json_name to the old JSON name, or add a new field and "
                    + "deprecate the old one"),
    FIELD_JSON_NAME_CHANGED(Strictness.WIRE_JSON, false,
            "a field's JSON name (json_name, or the default lowerCamelCase name) changed",
            "JSON written with the old name is not recognised by a reader expecting the new one",
            "keep json_name as it was; JSON readers also accept the original field name"),
    FIELD_CARDINALITY_CHANGED(Strictness.WIRE, false,
            "a field changed between singular, required, repeated and map (or, strictly, between explicit "
                    + "and implicit presence)",
            "repeated and map values are encoded as several entries, required fields must be present, and "
                    + "presence decides whether zero values are written at all",
            "add a new field with the new cardinality and a new number; reserve the old one when it is gone"),
    FIELD_ONEOF_CHANGED(Strictness.WIRE, false,
            "a field moved into, out of or between oneofs",
            "setting one member of a oneof clears the others, so data written with fields set together can no "
                    + "longer be read back whole",
            "leave existing fields where they are; put new fields into a new oneof"),
    FIELD_DEFAULT_CHANGED(Strictness.WIRE, false,
            "a proto2 field changed its default value",
            "absent fields read as the default, so the same bytes now mean a different value",
            "keep the default; make the new meaning a new field"),
    FIELD_UTF8_VALIDATION_CHANGED(Strictness.WIRE, false,
            "a string field changed UTF-8 validation (proto2 does not validate, proto3 does)",
            "a validating reader rejects messages whose strings a non-validating writer let through",
            "keep the file's syntax; if it must change, make sure every writer only writes valid UTF-8 first"),
    FIELD_LANGUAGE_OPTION_CHANGED(Strictness.FILE, false,
            "a field changed a code-generation option (ctype, jstype, java_string_check_utf8)",
            "the encoding is unchanged but generated code changes type or validation, so callers break",
            "leave the option as it was, or make the change in a new field"),
    REQUIRED_FIELD_MISSING(Strictness.WIRE, false,
            "the reader requires a field that the writer does not always write",
            "a proto2 reader refuses a message without its required fields",
            "never add required fields; add an optional field and validate it in the application"),
    ENUM_VALUE_RENAMED(Strictness.WIRE_JSON, false,
            "an enum number now has a different name",
            "JSON carries enum values by name, so a reader does not recognise the old name",
            "keep the name; add the new name as an alias (option allow_alias = true) if needed"),
    ENUM_OPENNESS_CHANGED(Strictness.WIRE, false,
            "an enum changed between closed (proto2) and open (proto3)",
            "a closed enum moves unknown numbers to the unknown fields, an open one keeps them, so values "
                    + "written by one side are lost or kept differently by the other",
            "keep the enum in a file of the same syntax"),
    JSON_FORMAT_CHANGED(Strictness.WIRE_JSON, false,
            "a message or enum moved between a proto2 and a proto3 file, which changes its JSON handling",
            "proto3 types get full JSON support, proto2 types only best effort (for instance enum value names "
                    + "and field name conflicts), so JSON one side writes the other may refuse",
            "keep the type in a file of the same syntax"),
    MESSAGE_SET_WIRE_FORMAT_CHANGED(Strictness.WIRE, false,
            "a message changed option message_set_wire_format",
            "message sets use a different encoding for their extensions",
            "leave the option as it was"),
    MESSAGE_OPTION_CHANGED(Strictness.FILE, false,
            "a message turned on no_standard_descriptor_accessor",
            "generated code loses its descriptor accessor, so callers break",
            "leave the option as it was"),
    SERVICE_REMOVED(Strictness.WIRE_JSON, false,
            "a service the writer's side uses is not declared by the reader's side",
            "clients calling it get UNIMPLEMENTED",
            "deprecate the service, wait until no client calls it (check the logs), then remove it"),
    RPC_REMOVED(Strictness.WIRE_JSON, false,
            "an RPC the writer's side uses is not declared by the reader's side",
            "clients calling it get UNIMPLEMENTED",
            "mark it 'option deprecated = true', wait until no client calls it, then remove it"),
    RPC_REQUEST_CHANGED(Strictness.WIRE, false,
            "an RPC changed its request type",
            "requests encoded for the old type are decoded as the new one",
            "add a new RPC with the new request type and move clients to it"),
    RPC_RESPONSE_CHANGED(Strictness.WIRE, false,
            "an RPC changed its response type",
            "responses encoded for the old type are decoded as the new one",
            "add a new RPC with the new response type and move clients to it"),
    RPC_STREAMING_CHANGED(Strictness.WIRE, false,
            "an RPC changed client or server streaming",
            "a streaming call and a unary call are different HTTP/2 exchanges; generated stubs change shape",
            "add a new RPC with the new streaming mode and move clients to it"),
    RPC_IDEMPOTENCY_CHANGED(Strictness.FILE, false,
            "an RPC changed option idempotency_level",
            "clients may retry or use GET differently, and generated code changes",
            "leave the option as it was"),
    PACKAGE_CHANGED(Strictness.WIRE_JSON, false,
            "a file changed its package",
            "every type's full name changes: Any type URLs, gRPC method paths and generated code no longer "
                    + "match",
            "keep the package; to move, copy the types to the new package and migrate users over"),
    SYNTAX_CHANGED(Strictness.FILE, false,
            "a file changed its syntax (proto2 / proto3)",
            "presence, defaults, enum openness and UTF-8 validation of everything in the file change",
            "keep the syntax; move types to a new file of the new syntax one by one"),
    FILE_OPTION_CHANGED(Strictness.FILE, false,
            "a file changed a code-generation option (java_package, go_package, optimize_for...)",
            "the encoding is unchanged but generated code moves or changes, so callers break",
            "leave the option as it was"),
    FIELD_REMOVED(Strictness.WIRE, true,
            "a field was removed without reserving its number (and, for JSON, its name)",
            "a later field may reuse the number or name and misread data still written with the old field",
            "add 'reserved <number>;' and 'reserved \"<name>\";' to the message in the same change"),
    ENUM_VALUE_REMOVED(Strictness.WIRE, true,
            "an enum value was removed without reserving its number (and, for JSON, its name)",
            "old data still carries the value; a closed enum or a JSON reader cannot read it, and a later "
                    + "value may reuse the number",
            "deprecate the value instead, or remove it and reserve its number and name"),
    ONEOF_REMOVED(Strictness.PACKAGE, true,
            "a oneof was removed",
            "generated code loses the oneof's case accessors",
            "keep the oneof; deprecate its fields"),
    MESSAGE_REMOVED(Strictness.WIRE_JSON, true,
            "a message was removed (from its package; under FILE strictness, from its file)",
            "producers still writing it and consumers still reading it lose their type",
            "deprecate the message and remove it only when no producer or consumer uses it"),
    ENUM_REMOVED(Strictness.WIRE_JSON, true,
            "an enum was removed (from its package; under FILE strictness, from its file)",
            "code and fields using it lose their type",
            "deprecate the enum and remove it only when nothing uses it"),
    RESERVED_REMOVED(Strictness.PACKAGE, true,
            "a reserved number range or name was removed",
            "the number or name becomes free for reuse, which misreads data written long ago",
            "never remove reservations"),
    EXTENSION_RANGE_REMOVED(Strictness.PACKAGE, true,
            "an extension range was removed from a message",
            "extensions declared elsewhere in that range stop being valid",
            "keep the range"),
    EXTENSION_REMOVED(Strictness.PACKAGE, true,
            "an extension field was removed",
            "data written with the extension is no longer understood by generated code",
            "deprecate the extension and reserve its number in the extended message's range"),
    FILE_REMOVED(Strictness.FILE, true,
            "a file was removed",
            "code importing it no longer compiles",
            "keep the file (it may become empty) until no one imports it"),
    PACKAGE_REMOVED(Strictness.PACKAGE, true,
            "a package was removed",
            "every type in it is gone",
            "keep the package until no one uses it");

    private final Strictness minimum;
    private final boolean directional;
    private final String what;
    private final String why;
    private final String recipe;

    ProtoRule(Strictness minimum, boolean directional, String what, String why, String recipe) {
        this.minimum = minimum;
        this.directional = directional;
        this.what = what;
        this.why = why;
        this.recipe = recipe;
    }

    public Strictness minimum() {
        return minimum;
    }

    public boolean directional() {
        return directional;
    }

    public String what() {
        return what;
    }

    public String why() {
        return why;
    }

    public String recipe() {
        return recipe;
    }

    boolean appliesAt(Strictness strictness) {
        return strictness.atLeast(minimum);
    }
}

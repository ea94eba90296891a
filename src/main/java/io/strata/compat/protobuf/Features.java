package io.strata.compat.protobuf;

import com.squareup.wire.schema.internal.parser.OptionElement;

import java.util.List;

/**
 * Features are how Protobuf editions say what proto2 and proto3 said with their syntax: whether a field
 * tracks presence, whether an enum is closed, how JSON is handled, whether strings are UTF-8 checked and
 * how messages are encoded. A proto2 or proto3 file has fixed features; an edition file starts from its
 * edition's defaults and each file, message, enum and field may override them with {@code features.*}
 * options, inherited inwards.
 */
public record Features(String fieldPresence, String enumType, String jsonFormat, String utf8Validation,
                       String messageEncoding, String javaUtf8Validation, String cppStringType) {

    static final Features PROTO2 = new Features("EXPLICIT", "CLOSED", "LEGACY_BEST_EFFORT", "NONE",
            "LENGTH_PREFIXED", "DEFAULT", "STRING");
    static final Features PROTO3 = new Features("IMPLICIT", "OPEN", "ALLOW", "VERIFY", "LENGTH_PREFIXED",
            "DEFAULT", "STRING");
    static final Features EDITION_2023 = new Features("EXPLICIT", "OPEN", "ALLOW", "VERIFY", "LENGTH_PREFIXED",
            "DEFAULT", "STRING");

    /** These features with the {@code features.*} options among {@code options} applied. */
    Features with(List<OptionElement> options) {
        Features out = this;
        for (OptionElement o : options) {
            String name = o.getName();
            if (!name.startsWith(ProtoFiles.FEATURES_PREFIX)) {
                continue;
            }
            String value = String.valueOf(o.getValue());
            out = switch (name.substring(ProtoFiles.FEATURES_PREFIX.length())) {
                case "field_presence" -> new Features(value, out.enumType, out.jsonFormat, out.utf8Validation,
                        out.messageEncoding, out.javaUtf8Validation, out.cppStringType);
                case "enum_type" -> new Features(out.fieldPresence, value, out.jsonFormat, out.utf8Validation,
                        out.messageEncoding, out.javaUtf8Validation, out.cppStringType);
                case "json_format" -> new Features(out.fieldPresence, out.enumType, value, out.utf8Validation,
                        out.messageEncoding, out.javaUtf8Validation, out.cppStringType);
                case "utf8_validation" -> new Features(out.fieldPresence, out.enumType, out.jsonFormat, value,
                        out.messageEncoding, out.javaUtf8Validation, out.cppStringType);
                case "message_encoding" -> new Features(out.fieldPresence, out.enumType, out.jsonFormat,
                        out.utf8Validation, value, out.javaUtf8Validation, out.cppStringType);
                case "pb.java.utf8_validation" -> new Features(out.fieldPresence, out.enumType, out.jsonFormat,
                        out.utf8Validation, out.messageEncoding, value, out.cppStringType);
                case "pb.cpp.string_type" -> new Features(out.fieldPresence, out.enumType, out.jsonFormat,
                        out.utf8Validation, out.messageEncoding, out.javaUtf8Validation, value);
                default -> out;
            };
        }
        return out;
    }

    public boolean closedEnum() {
        return "CLOSED".equals(enumType);
    }

    public boolean legacyJson() {
        return "LEGACY_BEST_EFFORT".equals(jsonFormat);
    }
}

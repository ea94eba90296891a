package io.strata.compat.protobuf;

import com.squareup.wire.Syntax;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * FieldChecks compares the fields of one message in the reader and the writer, matched by number (the
 * only thing the binary encoding carries).
 */
final class FieldChecks {

    private static final Set<ProtoField.Cardinality> LISTS =
            Set.of(ProtoField.Cardinality.REPEATED, ProtoField.Cardinality.MAP);

    private final ProtoSchema readerSchema;
    private final ProtoSchema writerSchema;
    private final Findings out;

    FieldChecks(ProtoSchema readerSchema, ProtoSchema writerSchema, Findings out) {
        this.readerSchema = readerSchema;
        this.writerSchema = writerSchema;
        this.out = out;
    }

    void compare(MessageDecl reader, MessageDecl writer) {
        for (ProtoField w : writer.fields()) {
            ProtoField r = reader.field(w.number());
            String path = reader.fullName() + "." + (r == null ? w.name() : r.name());
            if (r == null) {
                continue; // absence is readable (unknown fields are skipped); removal is a directional rule
            }
            pair(reader.fullName(), path, r, w);
        }
        for (ProtoField r : reader.fields()) {
            ProtoField w = writer.field(r.number());
            if (r.cardinality() == ProtoField.Cardinality.REQUIRED
                    && (w == null || w.cardinality() != ProtoField.Cardinality.REQUIRED)) {
                out.add(ProtoRule.REQUIRED_FIELD_MISSING, reader.fullName() + "." + r.name(), "field \"" + r.name()
                        + "\" of " + reader.fullName() + " is required by the reader but "
                        + (w == null ? "not declared" : "not required") + " by the writer",
                        r.location(), w == null ? writer.location() : w.location());
            }
        }
    }

    /** Compares one field present on both sides; {@code owner} names the message (or extension scope). */
    void pair(String owner, String path, ProtoField r, ProtoField w) {
        boolean renamed = !r.name().equals(w.name());
        String typeProblem = typeProblem(r, w);
        if (renamed && typeProblem != null) {
            out.add(ProtoRule.FIELD_NUMBER_REUSED, path, "field " + w.number() + " of " + owner
                    + " was \"" + w.name() + "\" (" + w.type() + ") and is now \"" + r.name() + "\" ("
                    + r.type() + ")", r.location(), w.location());
        } else if (typeProblem != null) {
            out.add(ProtoRule.FIELD_TYPE_CHANGED, path, "field \"" + r.name() + "\" of " + owner
                    + " changed type: " + typeProblem, r.location(), w.location());
        } else if (renamed) {
            out.add(ProtoRule.FIELD_RENAMED, path, "field " + w.number() + " of " + owner
                    + " was renamed from \"" + w.name() + "\" to \"" + r.name() + "\"", r.location(), w.location());
        }
        if (!renamed && !r.jsonName().equals(w.jsonName())) { // a rename already says the JSON name changed
            out.add(ProtoRule.FIELD_JSON_NAME_CHANGED, path, "field \"" + r.name() + "\" of " + owner
                    + " changed its JSON name from \"" + w.jsonName() + "\" to \"" + r.jsonName() + "\"",
                    r.location(), w.location());
        }
        cardinality(path, r, w);
        if (!Objects.equals(r.oneof(), w.oneof())) {
            out.add(ProtoRule.FIELD_ONEOF_CHANGED, path, "field \"" + r.name() + "\" moved from "
                    + oneof(w.oneof()) + " to " + oneof(r.oneof()), r.location(), w.location());
        }
        defaults(path, r, w);
        options(path, r, w);
    }

    private static String oneof(String name) {
        return name == null ? "no oneof" : "oneof \"" + name + "\"";
    }

    /** Null when {@code writer}'s data decodes as {@code reader}'s type, else what changed. */
    private String typeProblem(ProtoField r, ProtoField w) {
        if (r.kind() == w.kind() && r.type().equals(w.type())) {
            return null;
        }
        String change = "from " + w.type() + " to " + r.type();
        if (!WireTypes.sameGroup(WireTypes.kind(r), WireTypes.kind(w), out.strictness())) {
            return change;
        }
        if (r.kind() == ProtoField.Kind.SCALAR) {
            return null;
        }
        if (r.kind() == ProtoField.Kind.ENUM && !out.strictness().atLeast(Strictness.PACKAGE)) {
            return sameEnum(r.type(), w.type()) ? null : change;
        }
        return change;
    }

    /**
     * Two differently named enums still read each other's data when they have the same short name and the
     * reader's values include all of the writer's (Buf's rule, which lets an enum move while values are added).
     */
    private boolean sameEnum(String readerEnum, String writerEnum) {
        EnumDecl r = readerSchema.index().enums().get(readerEnum);
        EnumDecl w = writerSchema.index().enums().get(writerEnum);
        if (r == null || w == null || !shortName(readerEnum).equals(shortName(writerEnum))) {
            return false;
        }
        for (EnumConstantElement c : w.constants()) {
            boolean present = r.constants().stream()
                    .anyMatch(x -> x.getTag() == c.getTag() && x.getName().equals(c.getName()));
            if (!present) {
                return false;
            }
        }
        return true;
    }

    private static String shortName(String full) {
        return full.substring(full.lastIndexOf('.') + 1);
    }

    private void cardinality(String path, ProtoField r, ProtoField w) {
        if (group(r.cardinality()) != group(w.cardinality())) {
            out.add(ProtoRule.FIELD_CARDINALITY_CHANGED, path, "field \"" + r.name() + "\" changed from "
                    + label(w.cardinality()) + " to " + label(r.cardinality()), r.location(), w.location());
        }
    }

    private int group(ProtoField.Cardinality c) {
        Strictness s = out.strictness();
        return switch (c) {
            case OPTIONAL_EXPLICIT -> 1;
            case OPTIONAL_IMPLICIT -> s.atLeast(Strictness.PACKAGE) ? 5 : 1;
            case REQUIRED -> 2;
            case REPEATED -> 3;
            // on the wire a map is a repeated message of key/value entries; JSON writes an object instead
            case MAP -> s == Strictness.WIRE ? 3 : 4;
        };
    }

    private static String label(ProtoField.Cardinality c) {
        return switch (c) {
            case OPTIONAL_EXPLICIT -> "optional (explicit presence)";
            case OPTIONAL_IMPLICIT -> "singular (implicit presence)";
            case REQUIRED -> "required";
            case REPEATED -> "repeated";
            case MAP -> "map";
        };
    }

    private void defaults(String path, ProtoField r, ProtoField w) {
        if (LISTS.contains(r.cardinality()) || LISTS.contains(w.cardinality())
                || (r.kind() != ProtoField.Kind.SCALAR && r.kind() != ProtoField.Kind.ENUM)
                || (w.kind() != ProtoField.Kind.SCALAR && w.kind() != ProtoField.Kind.ENUM)) {
            return;
        }
        // a field whose type changed is compared only when one side names its default (as Buf does)
        if (!r.type().equals(w.type()) && r.defaultValue() == null && w.defaultValue() == null) {
            return;
        }
        String rd = effectiveDefault(r, readerSchema);
        String wd = effectiveDefault(w, writerSchema);
        if (!rd.equals(wd)) {
            out.add(ProtoRule.FIELD_DEFAULT_CHANGED, path, "field \"" + r.name() + "\" changed its default from "
                    + wd + " to " + rd, r.location(), w.location());
        }
    }

    /** The value an absent field reads as: the explicit default, else the type's zero value. */
    private static String effectiveDefault(ProtoField f, ProtoSchema schema) {
        String value = f.defaultValue();
        if (f.kind() == ProtoField.Kind.ENUM) {
            if (value != null) {
                return value;
            }
            EnumDecl e = schema.index().enums().get(f.type());
            return e == null || e.constants().isEmpty() ? "" : e.constants().get(0).getName();
        }
        return switch (f.type()) {
            case "string", "bytes" -> value == null ? "\"\"" : "\"" + value + "\"";
            case "bool" -> value == null ? "false" : value.toLowerCase(Locale.ROOT);
            default -> number(value);
        };
    }

    private static String number(String value) {
        if (value == null) {
            return "0";
        }
        try {
            BigDecimal d = value.startsWith("0x") || value.startsWith("-0x")
                    ? new BigDecimal(new java.math.BigInteger(value.replace("0x", ""), 16))
                    : new BigDecimal(value);
            return d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value.toLowerCase(Locale.ROOT);
        }
    }

    private void options(String path, ProtoField r, ProtoField w) {
        if (!Objects.equals(r.option("jstype"), w.option("jstype"))) {
            out.add(ProtoRule.FIELD_LANGUAGE_OPTION_CHANGED, path, "field \"" + r.name() + "\" changed option "
                    + "jstype from " + w.option("jstype") + " to " + r.option("jstype"), r.location(), w.location());
        }
        if (!cppStringType(r).equals(cppStringType(w))) {
            out.add(ProtoRule.FIELD_LANGUAGE_OPTION_CHANGED, path, "field \"" + r.name() + "\" changed its C++ string "
                    + "type (option ctype, feature (pb.cpp).string_type) from " + cppStringType(w) + " to "
                    + cppStringType(r), r.location(), w.location());
        }
        if (r.stringParts() == 0 || w.stringParts() == 0) {
            return;
        }
        String rc = javaUtf8(readerSchema, r);
        String wc = javaUtf8(writerSchema, w);
        if (!Objects.equals(rc, wc)) {
            out.add(ProtoRule.FIELD_LANGUAGE_OPTION_CHANGED, path, "string field \"" + r.name()
                    + "\" changed Java UTF-8 validation (file option java_string_check_utf8) from " + wc + " to " + rc,
                    javaUtf8Anchor(readerSchema, r), ProtoIssue.Anchor.of(w.location()));
        }
        if (!r.features().utf8Validation().equals(w.features().utf8Validation())) {
            out.add(ProtoRule.FIELD_UTF8_VALIDATION_CHANGED, path, "string field \"" + r.name()
                    + "\" changed UTF-8 validation from " + w.features().utf8Validation() + " to "
                    + r.features().utf8Validation() + " (a move between proto2 and proto3 does this)",
                    r.location(), w.location());
        }
    }

    /**
     * Java validates proto3 strings always, proto2 strings only with file option java_string_check_utf8,
     * and edition strings when they are validated at all or feature {@code (pb.java).utf8_validation} asks.
     */
    private static String javaUtf8(ProtoSchema schema, ProtoField f) {
        if (schema.editions().containsKey(f.location().getPath())) {
            return String.valueOf("VERIFY".equals(f.features().utf8Validation())
                    || "VERIFY".equals(f.features().javaUtf8Validation()));
        }
        var file = schema.files().get(f.location().getPath());
        return file != null && file.getSyntax() == Syntax.PROTO_3 ? "true"
                : fileOption(schema, f, "java_string_check_utf8");
    }

    /** Where a proto2 field's Java UTF-8 validation is set: the file option, when there is one. */
    private static ProtoIssue.Anchor javaUtf8Anchor(ProtoSchema schema, ProtoField f) {
        String path = f.location().getPath();
        var file = schema.files().get(path);
        int line = schema.editions().containsKey(path) || file == null || file.getSyntax() == Syntax.PROTO_3 ? 0
                : SourceLines.option(schema.sources().get(path), "java_string_check_utf8");
        return line > 0 ? new ProtoIssue.Anchor(path, line) : ProtoIssue.Anchor.of(f.location());
    }

    /** C++'s string type: option {@code ctype} where given, else feature {@code (pb.cpp).string_type}. */
    private static String cppStringType(ProtoField f) {
        String ctype = f.option("ctype");
        return ctype != null ? ctype : f.features().cppStringType();
    }

    private static String fileOption(ProtoSchema schema, ProtoField f, String name) {
        var file = schema.files().get(f.location().getPath());
        if (file == null) {
            return null;
        }
        String value = file.getOptions().stream().filter(o -> o.getName().equals(name))
                .map(o -> String.valueOf(o.getValue())).findFirst().orElse("false");
        return value.toLowerCase(Locale.ROOT);
    }
}

package io.strata.compat.protobuf;

import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * ElementChecks compares what surrounds fields between a reader and a writer: enum values, message and
 * file options, packages and syntax, services and RPCs.
 */
final class ElementChecks {

    /** File options that only steer code generation, with the value protoc assumes when absent. */
    private static final Map<String, String> FILE_OPTIONS = Map.ofEntries(
            Map.entry("java_package", ""), Map.entry("java_outer_classname", ""),
            Map.entry("java_multiple_files", "false"), Map.entry("go_package", ""),
            Map.entry("objc_class_prefix", ""), Map.entry("csharp_namespace", ""), Map.entry("swift_prefix", ""),
            Map.entry("php_class_prefix", ""), Map.entry("php_namespace", ""),
            Map.entry("php_metadata_namespace", ""), Map.entry("ruby_package", ""),
            Map.entry("optimize_for", "SPEED"), Map.entry("cc_generic_services", "false"),
            Map.entry("java_generic_services", "false"), Map.entry("py_generic_services", "false"),
            Map.entry("cc_enable_arenas", "true"));

    private final ProtoSchema reader;
    private final ProtoSchema writer;
    private final Findings out;

    ElementChecks(ProtoSchema reader, ProtoSchema writer, Findings out) {
        this.reader = reader;
        this.writer = writer;
        this.out = out;
    }

    void enums(EnumDecl r, EnumDecl w) {
        Map<Integer, Set<String>> writerNames = names(w);
        Map<Integer, Set<String>> readerNames = names(r);
        writerNames.forEach((number, was) -> {
            Set<String> now = readerNames.get(number);
            if (now == null || now.containsAll(was)) {
                return;
            }
            // with aliases a number has several names; each name the reader now uses for it is reported
            EnumConstantElement old = w.constants().stream().filter(c -> c.getTag() == number).findFirst().orElseThrow();
            r.constants().stream().filter(c -> c.getTag() == number).forEach(c -> out.add(ProtoRule.ENUM_VALUE_RENAMED,
                    r.fullName() + "." + c.getName(), "value " + number + " of enum " + r.fullName() + " was "
                            + was + " and is now " + now, c.getLocation(), old.getLocation()));
        });
        if (r.features().legacyJson() != w.features().legacyJson()) {
            out.add(ProtoRule.JSON_FORMAT_CHANGED, r.fullName(), "enum " + r.fullName() + " changed its JSON format "
                    + "from " + w.features().jsonFormat() + " to " + r.features().jsonFormat()
                    + " (a move between proto2 and proto3 does this)", r.location(), w.location());
        }
        if (r.closed() != w.closed()) {
            out.add(ProtoRule.ENUM_OPENNESS_CHANGED, r.fullName(), "enum " + r.fullName() + " changed from "
                    + (w.closed() ? "closed" : "open") + " to " + (r.closed() ? "closed" : "open"),
                    r.location(), w.location());
        }
    }

    private static Map<Integer, Set<String>> names(EnumDecl e) {
        return e.constants().stream().collect(Collectors.groupingBy(EnumConstantElement::getTag,
                Collectors.mapping(EnumConstantElement::getName, Collectors.toCollection(TreeSet::new))));
    }

    void messageOptions(MessageDecl r, MessageDecl w) {
        if (r.features().legacyJson() != w.features().legacyJson()) {
            out.add(ProtoRule.JSON_FORMAT_CHANGED, r.fullName(), "message " + r.fullName() + " changed its JSON "
                    + "format from " + w.features().jsonFormat() + " to " + r.features().jsonFormat()
                    + " (a move between proto2 and proto3 does this)", r.location(), w.location());
        }
        if (!option(r.options(), "message_set_wire_format", "false")
                .equals(option(w.options(), "message_set_wire_format", "false"))) {
            out.add(ProtoRule.MESSAGE_SET_WIRE_FORMAT_CHANGED, r.fullName(), "message " + r.fullName()
                    + " changed option message_set_wire_format", r.location(), w.location());
        }
        // turning the accessor off breaks callers; turning it back on does not
        if (option(r.options(), "no_standard_descriptor_accessor", "false").equals("true")
                && option(w.options(), "no_standard_descriptor_accessor", "false").equals("false")) {
            // Wire keeps no location for a message's options: the line is found in the message's own body.
            String file = r.location().getPath();
            int line = SourceLines.messageOption(reader.sources().get(file), r.location().getLine(),
                    "no_standard_descriptor_accessor");
            out.add(ProtoRule.MESSAGE_OPTION_CHANGED, r.fullName(), "message " + r.fullName()
                    + " turned on no_standard_descriptor_accessor", new ProtoIssue.Anchor(file, line),
                    ProtoIssue.Anchor.of(w.location()));
        }
    }

    void files(String readerPath, String writerPath) {
        ProtoFileElement r = reader.files().get(readerPath);
        ProtoFileElement w = writer.files().get(writerPath);
        String rText = reader.sources().get(readerPath);
        String wText = writer.sources().get(writerPath);
        String rPkg = Objects.requireNonNullElse(r.getPackageName(), "");
        String wPkg = Objects.requireNonNullElse(w.getPackageName(), "");
        if (!rPkg.equals(wPkg)) {
            out.add(ProtoRule.PACKAGE_CHANGED, readerPath, "file " + readerPath + " changed package from \"" + wPkg
                    + "\" to \"" + rPkg + "\"", anchor(readerPath, rText, "package\\s"),
                    anchor(writerPath, wText, "package\\s"));
        }
        String rSyntax = reader.syntaxOf(readerPath);
        String wSyntax = writer.syntaxOf(writerPath);
        if (!rSyntax.equals(wSyntax)) {
            out.add(ProtoRule.SYNTAX_CHANGED, readerPath, "file " + readerPath + " changed syntax from "
                    + wSyntax + " to " + rSyntax, anchor(readerPath, rText, "(syntax|edition)\\s*="),
                    anchor(writerPath, wText, "(syntax|edition)\\s*="));
        }
        for (Map.Entry<String, String> o : new java.util.TreeMap<>(FILE_OPTIONS).entrySet()) {
            String rv = option(r.getOptions(), o.getKey(), o.getValue());
            String wv = option(w.getOptions(), o.getKey(), o.getValue());
            if (!rv.equals(wv)) {
                out.add(ProtoRule.FILE_OPTION_CHANGED, readerPath + "#" + o.getKey(), "file " + readerPath
                        + " changed option " + o.getKey() + " from \"" + wv + "\" to \"" + rv + "\"",
                        new ProtoIssue.Anchor(readerPath, SourceLines.option(rText, o.getKey())),
                        new ProtoIssue.Anchor(writerPath, SourceLines.option(wText, o.getKey())));
            }
        }
    }

    private static ProtoIssue.Anchor anchor(String path, String text, String statement) {
        return new ProtoIssue.Anchor(path, SourceLines.find(text, statement));
    }

    void services(ServiceDecl r, ServiceDecl w) {
        for (ServiceDecl.Rpc wr : w.rpcs()) {
            ServiceDecl.Rpc rr = r.rpc(wr.name());
            String path = r.fullName() + "." + wr.name();
            if (rr == null) {
                out.add(ProtoRule.RPC_REMOVED, path, "service " + r.fullName() + " has no RPC \"" + wr.name() + "\"",
                        r.location(), wr.location());
                continue;
            }
            if (!rr.requestType().equals(wr.requestType())) {
                out.add(ProtoRule.RPC_REQUEST_CHANGED, path, "RPC " + path + " changed its request from "
                        + wr.requestType() + " to " + rr.requestType(), rr.location(), wr.location());
            }
            if (!rr.responseType().equals(wr.responseType())) {
                out.add(ProtoRule.RPC_RESPONSE_CHANGED, path, "RPC " + path + " changed its response from "
                        + wr.responseType() + " to " + rr.responseType(), rr.location(), wr.location());
            }
            if (rr.requestStreaming() != wr.requestStreaming()) {
                out.add(ProtoRule.RPC_STREAMING_CHANGED, path, "RPC " + path + " changed client streaming from "
                        + wr.requestStreaming() + " to " + rr.requestStreaming(), rr.location(), wr.location());
            }
            if (rr.responseStreaming() != wr.responseStreaming()) {
                out.add(ProtoRule.RPC_STREAMING_CHANGED, path, "RPC " + path + " changed server streaming from "
                        + wr.responseStreaming() + " to " + rr.responseStreaming(), rr.location(), wr.location());
            }
            String ri = Objects.requireNonNullElse(rr.idempotency(), "IDEMPOTENCY_UNKNOWN");
            String wi = Objects.requireNonNullElse(wr.idempotency(), "IDEMPOTENCY_UNKNOWN");
            if (!ri.equals(wi)) {
                out.add(ProtoRule.RPC_IDEMPOTENCY_CHANGED, path, "RPC " + path + " changed idempotency_level from "
                        + wi + " to " + ri, rr.location(), wr.location());
            }
        }
    }

    private static String option(List<OptionElement> options, String name, String absent) {
        return options.stream().filter(o -> o.getName().equals(name)).map(o -> String.valueOf(o.getValue()))
                .findFirst().orElse(absent);
    }
}

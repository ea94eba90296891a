package io.strata.merge;

import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import io.strata.compat.protobuf.ProtoSchema;
import io.strata.compat.protobuf.ProtobufSupport;
import io.strata.error.StrataException;

import java.util.List;
import java.util.function.Function;

/**
 * ProtoMerge is the three-way merge of {@code .proto} files at element level: the file's syntax, package,
 * imports (as sets) and options; messages and enums by name (recursively, see {@link ProtoTypeMerge});
 * services by name and their rpcs by name; extend blocks whole.
 */
final class ProtoMerge {

    /** The main file's path: a registry schema is one file, and its imports are named relative to it. */
    private static final String LABEL = "schema.proto";
    private static final String EDITION = "edition ";
    private static final String WIRE_HEADER = "// Proto schema formatted by Wire, do not edit.\n// Source: " + LABEL + "\n\n";

    private ProtoMerge() {
    }

    static MergeOutcome merge(MergeInput.Text base, MergeInput.Text ours, MergeInput.Text theirs) {
        ProtobufSupport proto = new ProtobufSupport();
        ProtoSchema b = proto.parse(LABEL, base.text(), base.imports());
        ProtoSchema o = proto.parse(LABEL, ours.text(), ours.imports());
        ProtoSchema t = proto.parse(LABEL, theirs.text(), theirs.imports());
        Conflicts conflicts = new Conflicts();
        String syntax = ThreeWay.scalar("syntax", b.syntaxOf(LABEL), o.syntaxOf(LABEL), t.syntaxOf(LABEL),
                Function.identity(), conflicts);
        ProtoFileElement merged = file(syntax, b.main(), o.main(), t.main(), conflicts);
        if (!conflicts.isEmpty()) {
            return new MergeOutcome.Conflicted(conflicts.list());
        }
        String text = text(merged, syntax);
        try {
            proto.parse(LABEL, text, Imports.both(ours.imports(), theirs.imports()));
        } catch (StrataException e) {
            return Imports.invalid("merged Protobuf schema is invalid: " + e.getMessage());
        }
        return new MergeOutcome.Merged(text);
    }

    private static ProtoFileElement file(String syntax, ProtoFileElement b, ProtoFileElement o, ProtoFileElement t,
                                         Conflicts conflicts) {
        ProtoTypeMerge types = new ProtoTypeMerge(conflicts);
        return new ProtoFileElement(Location.get(LABEL),
                ThreeWay.scalar("package", b.getPackageName(), o.getPackageName(), t.getPackageName(),
                        Function.identity(), conflicts),
                "proto2".equals(syntax) ? Syntax.PROTO_2 : Syntax.PROTO_3,
                ThreeWay.set(b.getImports(), o.getImports(), t.getImports()),
                ThreeWay.set(b.getPublicImports(), o.getPublicImports(), t.getPublicImports()),
                ThreeWay.set(b.getWeakImports(), o.getWeakImports(), t.getWeakImports()),
                types.types("", b.getTypes(), o.getTypes(), t.getTypes()),
                services(b, o, t, types, conflicts),
                types.whole("extend", ExtendElement::toSchema, b.getExtendDeclarations(), o.getExtendDeclarations(),
                        t.getExtendDeclarations()),
                types.options("option", b.getOptions(), o.getOptions(), t.getOptions()));
    }

    private static List<ServiceElement> services(ProtoFileElement b, ProtoFileElement o, ProtoFileElement t,
                                                 ProtoTypeMerge types, Conflicts conflicts) {
        return new ThreeWay.Keyed<ServiceElement>(ServiceElement::getName, ServiceElement::toSchema,
                s -> "service " + s.getName(), s -> ProtoTypeMerge.brief(s.toSchema()),
                (at, bs, os, ts) -> types.service(at, bs, os, ts))
                .merge(b.getServices(), o.getServices(), t.getServices(), conflicts);
    }

    /** Wire prints proto3 for an edition file (ProtoFiles reads editions with proto3's grammar); put the edition back. */
    private static String text(ProtoFileElement merged, String syntax) {
        String text = merged.toSchema();
        if (text.startsWith(WIRE_HEADER)) {
            text = text.substring(WIRE_HEADER.length());
        }
        if (syntax != null && syntax.startsWith(EDITION)) {
            text = text.replaceFirst("syntax = \"proto3\";", "edition = \"" + syntax.substring(EDITION.length()) + "\";");
        }
        return text;
    }
}

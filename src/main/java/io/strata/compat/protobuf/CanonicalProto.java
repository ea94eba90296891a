package io.strata.compat.protobuf;

import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CanonicalProto prints a file in Strata's normal form: comments and formatting dropped, type names fully
 * qualified ({@code .acme.v1.Order}), and everything whose order carries no meaning sorted: imports,
 * options, types, fields by number, enum values by number, services and RPCs by name. Two files that
 * declare the same thing print the same, so the fingerprint identifies the schema, not its layout.
 */
final class CanonicalProto {

    private final ProtoIndex index;
    private final StringBuilder out = new StringBuilder();

    private CanonicalProto(ProtoIndex index) {
        this.index = index;
    }

    static String of(ProtoSchema schema) {
        CanonicalProto printer = new CanonicalProto(schema.index());
        printer.file(schema.main(), schema.syntaxOf(schema.checked().get(0)));
        return printer.out.toString();
    }

    private void file(ProtoFileElement f, String syntax) {
        line(0, syntax.startsWith("edition ") ? "edition = \"" + syntax.substring(8) + "\";"
                : "syntax = \"" + syntax + "\";");
        String pkg = f.getPackageName() == null ? "" : f.getPackageName();
        if (!pkg.isEmpty()) {
            line(0, "package " + pkg + ";");
        }
        f.getImports().stream().sorted().forEach(i -> line(0, "import \"" + i + "\";"));
        f.getPublicImports().stream().sorted().forEach(i -> line(0, "import public \"" + i + "\";"));
        f.getWeakImports().stream().sorted().forEach(i -> line(0, "import weak \"" + i + "\";"));
        options(0, f.getOptions());
        types(0, pkg, f.getTypes());
        f.getExtendDeclarations().stream().sorted(Comparator.comparing(ExtendElement::getName))
                .forEach(e -> extend(0, pkg, e));
        f.getServices().stream().sorted(Comparator.comparing(ServiceElement::getName)).forEach(s -> service(pkg, s));
    }

    private void types(int depth, String scope, List<TypeElement> types) {
        types.stream().sorted(Comparator.comparing(TypeElement::getName)).forEach(t -> {
            if (t instanceof MessageElement m) {
                message(depth, scope, m);
            } else if (t instanceof EnumElement e) {
                enumeration(depth, e);
            }
        });
    }

    private void message(int depth, String scope, MessageElement m) {
        String full = scope.isEmpty() ? m.getName() : scope + "." + m.getName();
        line(depth, "message " + m.getName() + " {");
        options(depth + 1, m.getOptions());
        reserved(depth + 1, m.getReserveds());
        m.getExtensions().stream().map(ExtensionsElement::toSchema).map(String::strip).sorted()
                .forEach(e -> line(depth + 1, e));
        m.getFields().stream().sorted(Comparator.comparingInt(FieldElement::getTag))
                .forEach(f -> field(depth + 1, full, f));
        m.getGroups().stream().sorted(Comparator.comparingInt(GroupElement::getTag))
                .forEach(g -> raw(depth + 1, g.toSchema()));
        m.getOneOfs().stream().sorted(Comparator.comparing(OneOfElement::getName)).forEach(o -> {
            line(depth + 1, "oneof " + o.getName() + " {");
            options(depth + 2, o.getOptions());
            o.getFields().stream().sorted(Comparator.comparingInt(FieldElement::getTag))
                    .forEach(f -> field(depth + 2, full, f));
            line(depth + 1, "}");
        });
        types(depth + 1, full, m.getNestedTypes());
        m.getExtendDeclarations().stream().sorted(Comparator.comparing(ExtendElement::getName))
                .forEach(e -> extend(depth + 1, full, e));
        line(depth, "}");
    }

    private void field(int depth, String scope, FieldElement f) {
        List<String> opts = new ArrayList<>();
        if (f.getDefaultValue() != null) {
            opts.add("default = " + f.getDefaultValue());
        }
        if (f.getJsonName() != null) {
            opts.add("json_name = \"" + f.getJsonName() + "\"");
        }
        f.getOptions().forEach(o -> opts.add(option(o)));
        opts.sort(null);
        String label = f.getLabel() == null ? "" : f.getLabel().name().toLowerCase(java.util.Locale.ROOT) + " ";
        line(depth, label + type(f.getType(), scope) + " " + f.getName() + " = " + f.getTag()
                + (opts.isEmpty() ? "" : " [" + String.join(", ", opts) + "]") + ";");
    }

    private String type(String written, String scope) {
        if (written.startsWith("map<")) {
            String[] kv = written.substring(4, written.length() - 1).split(",", 2);
            return "map<" + kv[0].trim() + ", " + type(kv[1].trim(), scope) + ">";
        }
        if (ProtoIndex.SCALARS.contains(written)) {
            return written;
        }
        String full = index.resolve(written, scope);
        return full == null ? written : "." + full;
    }

    private void enumeration(int depth, EnumElement e) {
        line(depth, "enum " + e.getName() + " {");
        options(depth + 1, e.getOptions());
        reserved(depth + 1, e.getReserveds());
        e.getConstants().stream()
                .sorted(Comparator.comparingInt(EnumConstantElement::getTag).thenComparing(EnumConstantElement::getName))
                .forEach(c -> {
                    List<String> opts = new ArrayList<>(c.getOptions().stream().map(CanonicalProto::option).toList());
                    opts.sort(null);
                    line(depth + 1, c.getName() + " = " + c.getTag()
                            + (opts.isEmpty() ? "" : " [" + String.join(", ", opts) + "]") + ";");
                });
        line(depth, "}");
    }

    private void extend(int depth, String scope, ExtendElement e) {
        line(depth, "extend " + type(e.getName(), scope) + " {");
        e.getFields().stream().sorted(Comparator.comparingInt(FieldElement::getTag))
                .forEach(f -> field(depth + 1, scope, f));
        line(depth, "}");
    }

    private void service(String pkg, ServiceElement s) {
        line(0, "service " + s.getName() + " {");
        options(1, s.getOptions());
        s.getRpcs().stream().sorted(Comparator.comparing(RpcElement::getName)).forEach(r -> {
            String head = "rpc " + r.getName() + " (" + (r.getRequestStreaming() ? "stream " : "")
                    + type(r.getRequestType(), pkg) + ") returns (" + (r.getResponseStreaming() ? "stream " : "")
                    + type(r.getResponseType(), pkg) + ")";
            if (r.getOptions().isEmpty()) {
                line(1, head + ";");
            } else {
                line(1, head + " {");
                options(2, r.getOptions());
                line(1, "}");
            }
        });
        line(0, "}");
    }

    private void reserved(int depth, List<ReservedElement> reserveds) {
        reserveds.stream().map(ReservedElement::toSchema).map(String::strip).sorted().forEach(r -> line(depth, r));
    }

    private void options(int depth, List<OptionElement> options) {
        options.stream().map(CanonicalProto::option).sorted().forEach(o -> line(depth, "option " + o + ";"));
    }

    private static String option(OptionElement o) {
        return o.toSchema().strip();
    }

    private void raw(int depth, String text) {
        text.strip().lines().forEach(l -> line(depth, l.strip()));
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}

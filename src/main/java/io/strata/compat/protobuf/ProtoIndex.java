package io.strata.compat.protobuf;

import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.strata.error.StrataException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A ProtoIndex holds every message, enum and service of a set of files by full name, with field and RPC
 * types resolved by Protobuf's scoping rules. Resolving here, rather than comparing type names as
 * written, is what lets {@code Foo} and {@code .acme.v1.Foo} count as the same type.
 */
public final class ProtoIndex {

    static final Set<String> SCALARS = Set.of("double", "float", "int32", "int64", "uint32", "uint64", "sint32",
            "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes");

    private final Map<String, MessageDecl> messages = new LinkedHashMap<>();
    private final Map<String, EnumDecl> enums = new LinkedHashMap<>();
    private final Map<String, ServiceDecl> services = new LinkedHashMap<>();
    /** Extension fields by full name ({@code scope.field}), with where they are declared. */
    private final Map<String, ProtoField> extensions = new LinkedHashMap<>();
    /** The same, by what the wire sees: {@code extendee#number}; this is how an extension is paired across versions. */
    private final Map<String, ProtoField> extensionsByNumber = new LinkedHashMap<>();
    /** Every declared type's full name and whether it is an enum (true) or a message/group (false). */
    private final Map<String, Boolean> typeNames = new HashMap<>();

    private ProtoIndex() {
    }

    /** Indexes {@code files}; a type that cannot be resolved is bad input, named with file, line and column. */
    public static ProtoIndex of(Map<String, ProtoFileElement> files, Map<String, String> editions) {
        ProtoIndex index = new ProtoIndex();
        files.values().forEach(f -> f.getTypes().forEach(t -> index.collectNames(prefix(f.getPackageName()), t)));
        files.forEach((path, f) -> {
            Features features = (editions.containsKey(path) ? Features.EDITION_2023
                    : f.getSyntax() == Syntax.PROTO_3 ? Features.PROTO3 : Features.PROTO2).with(f.getOptions());
            String pkg = prefix(f.getPackageName());
            f.getTypes().forEach(t -> index.declare(path, features, pkg, t));
            String scope = pkg.isEmpty() ? "" : pkg.substring(0, pkg.length() - 1);
            f.getExtendDeclarations().forEach(e -> index.extend(e, scope, features));
            for (ServiceElement s : f.getServices()) {
                index.declareService(path, pkg, s);
            }
        });
        return index;
    }

    public Map<String, MessageDecl> messages() {
        return messages;
    }

    public Map<String, EnumDecl> enums() {
        return enums;
    }

    public Map<String, ServiceDecl> services() {
        return services;
    }

    public Map<String, ProtoField> extensions() {
        return extensions;
    }

    public Map<String, ProtoField> extensionsByNumber() {
        return extensionsByNumber;
    }

    private void extend(ExtendElement e, String scope, Features features) {
        String extendee = Objects.requireNonNullElse(resolve(e.getName(), scope), e.getName());
        for (FieldElement x : e.getFields()) {
            String fullName = scope.isEmpty() ? x.getName() : scope + "." + x.getName();
            // An extension is known by its full name (text format, JSON "[a.b.ext]"), so that is the name a
            // rename changes: moving it into another scope renames it even when its own name stays.
            ProtoField field = field(x, null, scope, features).named(fullName);
            extensions.put(fullName, field);
            extensionsByNumber.put(extendee + "#" + x.getTag(), field);
        }
    }

    private static String prefix(String pkg) {
        return pkg == null || pkg.isEmpty() ? "" : pkg + ".";
    }

    private void collectNames(String scope, TypeElement type) {
        String full = scope + type.getName();
        typeNames.put(full, type instanceof EnumElement);
        if (type instanceof MessageElement m) {
            m.getGroups().forEach(g -> collectGroup(full + ".", g));
        }
        type.getNestedTypes().forEach(n -> collectNames(full + ".", n));
    }

    private void collectGroup(String scope, GroupElement g) {
        typeNames.put(scope + g.getName(), false);
    }

    private void declare(String file, Features outer, String scope, TypeElement type) {
        String full = scope + type.getName();
        Features features = outer.with(type.getOptions());
        if (type instanceof EnumElement e) {
            enums.put(full, new EnumDecl(full, file, features, e.getLocation(), e.getConstants(), e.getReserveds(),
                    e.getOptions()));
        } else if (type instanceof MessageElement m) {
            List<ProtoField> fields = new ArrayList<>();
            m.getFields().forEach(f -> fields.add(field(f, null, full, features)));
            List<String> oneofs = new ArrayList<>();
            for (OneOfElement o : m.getOneOfs()) {
                oneofs.add(o.getName());
                o.getFields().forEach(f -> fields.add(field(f, o.getName(), full, features)));
                o.getGroups().forEach(g -> fields.add(group(g, o.getName(), full, file, features)));
            }
            m.getGroups().forEach(g -> fields.add(group(g, null, full, file, features)));
            m.getExtendDeclarations().forEach(e -> extend(e, full, features));
            messages.put(full, new MessageDecl(full, file, features, m.getLocation(), fields, oneofs, m.getReserveds(),
                    m.getExtensions(), m.getOptions()));
        }
        type.getNestedTypes().forEach(n -> declare(file, features, full + ".", n));
    }

    /** A proto2 group is both a field and a nested message type named after it. */
    private ProtoField group(GroupElement g, String oneof, String scope, String file, Features features) {
        String full = scope + "." + g.getName();
        List<ProtoField> fields = new ArrayList<>();
        g.getFields().forEach(f -> fields.add(field(f, null, full, features)));
        messages.put(full, new MessageDecl(full, file, features, g.getLocation(), fields, List.of(), List.of(),
                List.of(), List.of()));
        String name = g.getName().toLowerCase(java.util.Locale.ROOT);
        return new ProtoField(name, g.getTag(), JsonNames.of(name), false, ProtoField.Kind.GROUP, full,
                cardinality(g.getLabel(), ProtoField.Kind.GROUP, oneof, features), oneof, null, List.of(),
                g.getLocation(), features);
    }

    private ProtoField field(FieldElement f, String oneof, String scope, Features outer) {
        Features features = outer.with(f.getOptions());
        String type = f.getType();
        ProtoField.Kind kind;
        String resolved;
        if (type.startsWith("map<")) {
            String[] kv = type.substring(4, type.length() - 1).split(",", 2);
            String value = kv[1].trim();
            String valueType = SCALARS.contains(value) ? value : require(value, scope, f.getLocation());
            kind = ProtoField.Kind.MAP;
            resolved = "map<" + kv[0].trim() + "," + valueType + ">";
        } else if (SCALARS.contains(type)) {
            kind = ProtoField.Kind.SCALAR;
            resolved = type;
        } else {
            resolved = require(type, scope, f.getLocation());
            kind = typeNames.get(resolved) ? ProtoField.Kind.ENUM
                    // a delimited message is written as a group is
                    : "DELIMITED".equals(features.messageEncoding()) ? ProtoField.Kind.GROUP : ProtoField.Kind.MESSAGE;
        }
        String json = f.getJsonName() != null ? f.getJsonName() : JsonNames.of(f.getName());
        return new ProtoField(f.getName(), f.getTag(), json, f.getJsonName() != null, kind, resolved,
                cardinality(f.getLabel(), kind, oneof, features), oneof, f.getDefaultValue(), f.getOptions(),
                f.getLocation(), features);
    }

    private static ProtoField.Cardinality cardinality(Field.Label label, ProtoField.Kind kind, String oneof,
                                                      Features features) {
        if (kind == ProtoField.Kind.MAP) {
            return ProtoField.Cardinality.MAP;
        }
        if (label == Field.Label.REPEATED) {
            return ProtoField.Cardinality.REPEATED;
        }
        if (label == Field.Label.REQUIRED || label == null && "LEGACY_REQUIRED".equals(features.fieldPresence())) {
            return ProtoField.Cardinality.REQUIRED;
        }
        // proto3 scalars without 'optional' (implicit presence) cannot tell zero from absent; everything else can
        boolean implicit = label == null && oneof == null && "IMPLICIT".equals(features.fieldPresence())
                && kind != ProtoField.Kind.MESSAGE && kind != ProtoField.Kind.GROUP;
        return implicit ? ProtoField.Cardinality.OPTIONAL_IMPLICIT : ProtoField.Cardinality.OPTIONAL_EXPLICIT;
    }

    private void declareService(String file, String pkg, ServiceElement s) {
        String full = pkg + s.getName();
        String scope = pkg.isEmpty() ? "" : pkg.substring(0, pkg.length() - 1);
        List<ServiceDecl.Rpc> rpcs = new ArrayList<>();
        for (RpcElement r : s.getRpcs()) {
            String idempotency = r.getOptions().stream().filter(o -> o.getName().equals("idempotency_level"))
                    .map(OptionElement::getValue).map(String::valueOf).findFirst().orElse(null);
            rpcs.add(new ServiceDecl.Rpc(r.getName(), r.getLocation(),
                    require(r.getRequestType(), scope, r.getLocation()), r.getRequestStreaming(),
                    require(r.getResponseType(), scope, r.getLocation()), r.getResponseStreaming(), idempotency));
        }
        services.put(full, new ServiceDecl(full, file, s.getLocation(), rpcs));
    }

    private String require(String ref, String scope, Location at) {
        String full = resolve(ref, scope);
        if (full == null) {
            throw StrataException.badInput("file \"" + at.getPath() + "\", " + at.getLine() + ":" + at.getColumn()
                    + ": unknown type \"" + ref + "\" (not declared in this file or its imports)");
        }
        return full;
    }

    /**
     * Protobuf's scoping: a relative name is looked up from the innermost scope outwards, and the first
     * scope holding its first component decides (so an inner {@code Foo} shadows an outer one).
     */
    String resolve(String ref, String scope) {
        if (ref.startsWith(".")) {
            return typeNames.containsKey(ref.substring(1)) ? ref.substring(1) : null;
        }
        String first = ref.contains(".") ? ref.substring(0, ref.indexOf('.')) : ref;
        String current = scope;
        while (true) {
            String base = current.isEmpty() ? "" : current + ".";
            if (typeNames.containsKey(base + first) || packageExists(base + first)) {
                String candidate = base + ref;
                if (typeNames.containsKey(candidate)) {
                    return candidate;
                }
            }
            if (current.isEmpty()) {
                return null;
            }
            int dot = current.lastIndexOf('.');
            current = dot < 0 ? "" : current.substring(0, dot);
        }
    }

    private boolean packageExists(String name) {
        String p = name + ".";
        return typeNames.keySet().stream().anyMatch(t -> t.startsWith(p));
    }
}

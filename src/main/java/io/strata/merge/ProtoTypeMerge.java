package io.strata.merge;

import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ProtoTypeMerge merges the declarations inside a {@code .proto} file: messages (fields by number, nested
 * types and oneofs by name, reserved numbers and names as sets), enums (values by number, or by name where
 * {@code allow_alias} lets numbers repeat) and services (rpcs by name). An element's definition is its
 * printed form, which Wire writes without source positions.
 */
final class ProtoTypeMerge {

    private final Conflicts conflicts;

    ProtoTypeMerge(Conflicts conflicts) {
        this.conflicts = conflicts;
    }

    /** Messages and enums declared at one level; {@code prefix} is the enclosing message's name and a dot. */
    List<TypeElement> types(String prefix, List<TypeElement> b, List<TypeElement> o, List<TypeElement> t) {
        return new ThreeWay.Keyed<TypeElement>(TypeElement::getName, TypeElement::toSchema,
                x -> kind(x) + " " + prefix + x.getName(), x -> brief(x.toSchema()),
                (at, bx, ox, tx) -> type(prefix + ox.getName(), bx, ox, tx)).merge(b, o, t, conflicts);
    }

    private TypeElement type(String name, TypeElement b, TypeElement o, TypeElement t) {
        if (b instanceof MessageElement bm && o instanceof MessageElement om && t instanceof MessageElement tm) {
            return message(name, bm, om, tm);
        }
        if (b instanceof EnumElement be && o instanceof EnumElement oe && t instanceof EnumElement te) {
            return enumType(name, be, oe, te);
        }
        return null;
    }

    private MessageElement message(String name, MessageElement b, MessageElement o, MessageElement t) {
        String at = "message " + name;
        return new MessageElement(o.getLocation(), o.getName(),
                ThreeWay.scalar(at + " documentation", b.getDocumentation(), o.getDocumentation(), t.getDocumentation(),
                        Function.identity(), conflicts),
                types(name + ".", b.getNestedTypes(), o.getNestedTypes(), t.getNestedTypes()),
                options(at + " option", b.getOptions(), o.getOptions(), t.getOptions()),
                ProtoReserved.merge(o.getLocation(), b.getReserveds(), o.getReserveds(), t.getReserveds()),
                fields(at, b.getFields(), o.getFields(), t.getFields()),
                new ThreeWay.Keyed<OneOfElement>(OneOfElement::getName, OneOfElement::toSchema,
                        x -> at + " oneof " + x.getName(), x -> brief(x.toSchema()),
                        (where, bx, ox, tx) -> oneOf(at, bx, ox, tx)).merge(b.getOneOfs(), o.getOneOfs(), t.getOneOfs(), conflicts),
                whole(at + " extensions", ExtensionsElement::toSchema, b.getExtensions(), o.getExtensions(), t.getExtensions()),
                new ThreeWay.Keyed<GroupElement>(GroupElement::getName, GroupElement::toSchema,
                        x -> at + " group " + x.getName(), x -> brief(x.toSchema()), null)
                        .merge(b.getGroups(), o.getGroups(), t.getGroups(), conflicts),
                whole(at + " extend", ExtendElement::toSchema, b.getExtendDeclarations(), o.getExtendDeclarations(),
                        t.getExtendDeclarations()));
    }

    /** A oneof's fields share the message's numbers, so a conflict names them as the message's fields. */
    private OneOfElement oneOf(String message, OneOfElement b, OneOfElement o, OneOfElement t) {
        String at = message + " oneof " + o.getName();
        return new OneOfElement(o.getName(),
                ThreeWay.scalar(at + " documentation", b.getDocumentation(), o.getDocumentation(), t.getDocumentation(),
                        Function.identity(), conflicts),
                fields(message, b.getFields(), o.getFields(), t.getFields()),
                new ThreeWay.Keyed<GroupElement>(GroupElement::getName, GroupElement::toSchema,
                        x -> at + " group " + x.getName(), x -> brief(x.toSchema()), null)
                        .merge(b.getGroups(), o.getGroups(), t.getGroups(), conflicts),
                options(at + " option", b.getOptions(), o.getOptions(), t.getOptions()),
                o.getLocation());
    }

    private List<FieldElement> fields(String message, List<FieldElement> b, List<FieldElement> o, List<FieldElement> t) {
        return new ThreeWay.Keyed<FieldElement>(FieldElement::getTag, FieldElement::toSchema,
                f -> message + " field " + f.getTag(), f -> brief(f.toSchema()), null).merge(b, o, t, conflicts);
    }

    private EnumElement enumType(String name, EnumElement b, EnumElement o, EnumElement t) {
        String at = "enum " + name;
        boolean aliases = allowsAlias(b) || allowsAlias(o) || allowsAlias(t);
        Function<EnumConstantElement, Object> key = aliases ? EnumConstantElement::getName : EnumConstantElement::getTag;
        return new EnumElement(o.getLocation(), o.getName(),
                ThreeWay.scalar(at + " documentation", b.getDocumentation(), o.getDocumentation(), t.getDocumentation(),
                        Function.identity(), conflicts),
                options(at + " option", b.getOptions(), o.getOptions(), t.getOptions()),
                new ThreeWay.Keyed<EnumConstantElement>(key, EnumConstantElement::toSchema,
                        c -> at + " value " + (aliases ? c.getName() : String.valueOf(c.getTag())),
                        c -> brief(c.toSchema()), null).merge(b.getConstants(), o.getConstants(), t.getConstants(), conflicts),
                ProtoReserved.merge(o.getLocation(), b.getReserveds(), o.getReserveds(), t.getReserveds()));
    }

    ServiceElement service(String at, ServiceElement b, ServiceElement o, ServiceElement t) {
        return new ServiceElement(o.getLocation(), o.getName(),
                ThreeWay.scalar(at + " documentation", b.getDocumentation(), o.getDocumentation(), t.getDocumentation(),
                        Function.identity(), conflicts),
                new ThreeWay.Keyed<RpcElement>(RpcElement::getName, RpcElement::toSchema,
                        r -> at + " rpc " + r.getName(), r -> brief(r.toSchema()), null)
                        .merge(b.getRpcs(), o.getRpcs(), t.getRpcs(), conflicts),
                options(at + " option", b.getOptions(), o.getOptions(), t.getOptions()));
    }

    List<OptionElement> options(String at, List<OptionElement> b, List<OptionElement> o, List<OptionElement> t) {
        return new ThreeWay.Keyed<OptionElement>(OptionElement::getName, OptionElement::toSchema,
                x -> at + " " + x.getName(), x -> brief(x.toSchema()), null).merge(b, o, t, conflicts);
    }

    /** Elements without a name of their own (extension ranges, extend blocks): present or not, as a set. */
    <E> List<E> whole(String at, Function<E, String> printed, List<E> b, List<E> o, List<E> t) {
        return new ThreeWay.Keyed<E>(printed, printed, x -> at, x -> brief(printed.apply(x)), null).merge(b, o, t, conflicts);
    }

    private static boolean allowsAlias(EnumElement e) {
        return e.getOptions().stream().anyMatch(x -> x.getName().equals("allow_alias"));
    }

    private static String kind(TypeElement type) {
        return type instanceof EnumElement ? "enum" : "message";
    }

    /** A declaration on one line, without its comments: short enough for a conflict listing. */
    static String brief(String printed) {
        return printed.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .collect(Collectors.joining(" "));
    }
}

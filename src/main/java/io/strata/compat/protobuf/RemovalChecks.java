package io.strata.compat.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RemovalChecks finds what the current schema dropped from the previous one. These rules need to know
 * which schema came first (a field missing from the newer schema was removed; missing from the older one,
 * it was added), which is why they are not part of the reader/writer primitive.
 *
 * <p>A removed element is anchored, as Buf does, at its nearest parent that still exists in the current
 * file, or at the file itself.
 */
final class RemovalChecks {

    private final ProtoSchema previous;
    private final ProtoSchema current;
    private final Findings out;

    RemovalChecks(ProtoSchema previous, ProtoSchema current, Findings out) {
        this.previous = previous;
        this.current = current;
        this.out = out;
    }

    void run() {
        boolean byFile = out.strictness().atLeast(Strictness.FILE);
        Map<String, MessageDecl> nowMessages = current.index().messages();
        for (MessageDecl was : checked(previous.index().messages(), previous)) {
            MessageDecl now = nowMessages.get(was.fullName());
            if (now == null || !current.checked().contains(now.file()) || (byFile && !now.file().equals(was.file()))) {
                out.add(ProtoRule.MESSAGE_REMOVED, was.fullName(), "message " + was.fullName() + " was removed"
                        + (now != null ? " from " + was.file() + " (it is now in " + now.file() + ")" : ""),
                        parentAnchor(was.fullName(), was.file()), ProtoIssue.Anchor.of(was.location()));
                continue;
            }
            fields(was, now);
            reserved(was.fullName(), Reservations.numbers(was.reserveds()), Reservations.names(was.reserveds()),
                    Reservations.numbers(now.reserveds()), Reservations.names(now.reserveds()), now.location());
            extensionRanges(was, now);
            for (String oneof : was.oneofs()) {
                if (!now.oneofs().contains(oneof)) {
                    out.add(ProtoRule.ONEOF_REMOVED, was.fullName() + "." + oneof, "oneof \"" + oneof + "\" of "
                            + was.fullName() + " was removed", now.location(), was.location());
                }
            }
        }
        Map<String, EnumDecl> nowEnums = current.index().enums();
        for (EnumDecl was : checked(previous.index().enums(), previous)) {
            EnumDecl now = nowEnums.get(was.fullName());
            if (now == null || !current.checked().contains(now.file()) || (byFile && !now.file().equals(was.file()))) {
                out.add(ProtoRule.ENUM_REMOVED, was.fullName(), "enum " + was.fullName() + " was removed",
                        parentAnchor(was.fullName(), was.file()), ProtoIssue.Anchor.of(was.location()));
                continue;
            }
            values(was, now);
            reserved(was.fullName(), Reservations.numbers(was.reserveds()), Reservations.names(was.reserveds()),
                    Reservations.numbers(now.reserveds()), Reservations.names(now.reserveds()), now.location());
        }
        extensions(byFile);
        files();
    }

    private static <D extends Declared> List<D> checked(Map<String, D> decls, ProtoSchema schema) {
        return decls.values().stream().filter(d -> schema.checked().contains(d.file())).toList();
    }

    private void fields(MessageDecl was, MessageDecl now) {
        List<Reservations.Range> numbers = Reservations.numbers(now.reserveds());
        List<String> names = Reservations.names(now.reserveds());
        for (ProtoField f : was.fields()) {
            if (now.field(f.number()) != null) {
                continue;
            }
            if (!unreserved(Reservations.covers(numbers, f.number()), names.contains(f.name()))) {
                continue;
            }
            out.add(ProtoRule.FIELD_REMOVED, was.fullName() + "." + f.name(), "field " + f.number() + " (\""
                    + f.name() + "\") was removed from " + was.fullName() + reservedNote(numbers, names, f.number(),
                    f.name()), now.location(), f.location());
        }
    }

    private void values(EnumDecl was, EnumDecl now) {
        List<Reservations.Range> numbers = Reservations.numbers(now.reserveds());
        List<String> names = Reservations.names(now.reserveds());
        Set<Integer> nowNumbers = now.constants().stream().map(EnumConstantElement::getTag).collect(Collectors.toSet());
        for (EnumConstantElement c : was.constants()) {
            if (nowNumbers.contains(c.getTag())
                    || !unreserved(Reservations.covers(numbers, c.getTag()), names.contains(c.getName()))) {
                continue;
            }
            out.add(ProtoRule.ENUM_VALUE_REMOVED, was.fullName() + "." + c.getName(), "value " + c.getTag()
                    + " (\"" + c.getName() + "\") was removed from " + was.fullName()
                    + reservedNote(numbers, names, c.getTag(), c.getName()), now.location(), c.getLocation());
        }
    }

    /**
     * Whether a removal still counts at this strictness: the wire only needs the number reserved, JSON
     * also the name, and generated code breaks whatever was reserved.
     */
    private boolean unreserved(boolean numberReserved, boolean nameReserved) {
        return switch (out.strictness()) {
            case WIRE -> !numberReserved;
            case WIRE_JSON -> !numberReserved || !nameReserved;
            case PACKAGE, FILE -> true;
        };
    }

    private static String reservedNote(List<Reservations.Range> numbers, List<String> names, int number,
                                       String name) {
        boolean n = Reservations.covers(numbers, number);
        boolean s = names.contains(name);
        return n && s ? " (number and name are reserved)"
                : n ? " without reserving its name" : s ? " without reserving its number"
                : " without reserving its number or name";
    }

    private void reserved(String owner, List<Reservations.Range> wasNumbers, List<String> wasNames,
                          List<Reservations.Range> nowNumbers, List<String> nowNames, Location at) {
        for (Reservations.Range r : wasNumbers) {
            if (!Reservations.covers(nowNumbers, r)) {
                out.add(ProtoRule.RESERVED_REMOVED, owner, "reserved range " + r + " of " + owner + " was removed",
                        at, null);
            }
        }
        for (String name : wasNames) {
            if (!nowNames.contains(name)) {
                out.add(ProtoRule.RESERVED_REMOVED, owner, "reserved name \"" + name + "\" of " + owner
                        + " was removed", at, null);
            }
        }
    }

    private void extensionRanges(MessageDecl was, MessageDecl now) {
        List<Reservations.Range> nowRanges = now.extensions().stream()
                .flatMap(e -> Reservations.ranges(e.getValues()).stream()).toList();
        for (ExtensionsElement e : was.extensions()) {
            for (Reservations.Range r : Reservations.ranges(e.getValues())) {
                if (!Reservations.covers(nowRanges, r)) {
                    out.add(ProtoRule.EXTENSION_RANGE_REMOVED, was.fullName(), "extension range " + r + " of "
                            + was.fullName() + " was removed", now.location(), e.getLocation());
                }
            }
        }
    }

    private void extensions(boolean byFile) {
        Map<String, ProtoField> now = current.index().extensions();
        previous.index().extensions().forEach((name, field) -> {
            Location at = field.location();
            if (!previous.checked().contains(at.getPath())) {
                return;
            }
            ProtoField still = now.get(name);
            if (still == null || (byFile && !still.location().getPath().equals(at.getPath()))) {
                out.add(ProtoRule.EXTENSION_REMOVED, name, "extension " + name + " was removed",
                        parentAnchor(name, at.getPath()), ProtoIssue.Anchor.of(at));
            }
        });
    }

    private void files() {
        for (String path : previous.checked()) {
            if (previous.module() && !current.checked().contains(path)) {
                out.add(ProtoRule.FILE_REMOVED, path, "file " + path + " was removed", (ProtoIssue.Anchor) null,
                        ProtoIssue.Anchor.file(path));
            }
        }
        Set<String> nowPackages = current.checked().stream()
                .map(p -> Objects.requireNonNullElse(current.files().get(p).getPackageName(), ""))
                .collect(Collectors.toSet());
        previous.checked().stream()
                .map(p -> Objects.requireNonNullElse(previous.files().get(p).getPackageName(), ""))
                .distinct().filter(p -> !nowPackages.contains(p))
                .forEach(p -> out.add(ProtoRule.PACKAGE_REMOVED, p.isEmpty() ? "(no package)" : p,
                        "package \"" + p + "\" was removed", (ProtoIssue.Anchor) null, null));
    }

    /** The nearest enclosing message of {@code fullName} still declared in {@code file}, else the file. */
    private ProtoIssue.Anchor parentAnchor(String fullName, String file) {
        String name = fullName;
        while (name.contains(".")) {
            name = name.substring(0, name.lastIndexOf('.'));
            MessageDecl parent = current.index().messages().get(name);
            // under FILE strictness the parent must be in the same file; otherwise anywhere in the package
            if (parent != null && (parent.file().equals(file) || !out.strictness().atLeast(Strictness.FILE))) {
                return ProtoIssue.Anchor.of(parent.location());
            }
        }
        return current.files().containsKey(file) ? ProtoIssue.Anchor.file(file) : null;
    }
}

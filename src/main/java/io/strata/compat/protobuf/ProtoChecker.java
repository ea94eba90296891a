package io.strata.compat.protobuf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ProtoChecker runs the checks: {@link #check} is the reader/writer primitive (everything that stops the
 * reader from reading what the writer wrote, or calling what the writer calls), {@link #evolution} the
 * history view from a previous to a current schema, which adds the removal rules.
 */
final class ProtoChecker {

    /** Primitive rules that also matter seen from the previous schema: a required field dropped by the current one. */
    private static final Set<ProtoRule> BOTH_WAYS = Set.of(ProtoRule.REQUIRED_FIELD_MISSING);

    private ProtoChecker() {
    }

    static List<ProtoIssue> check(ProtoSchema reader, ProtoSchema writer, Strictness strictness) {
        Findings out = new Findings(strictness);
        primitive(reader, writer, out);
        return out.issues();
    }

    static List<ProtoIssue> evolution(ProtoSchema previous, ProtoSchema current, Strictness strictness) {
        Findings out = new Findings(strictness);
        primitive(current, previous, out);
        new RemovalChecks(previous, current, out).run();
        List<ProtoIssue> issues = new ArrayList<>(out.issues());
        check(previous, current, strictness).stream().filter(i -> BOTH_WAYS.contains(i.rule()))
                .map(ProtoIssue::swapped).forEach(issues::add);
        return List.copyOf(issues);
    }

    private static void primitive(ProtoSchema reader, ProtoSchema writer, Findings out) {
        FieldChecks fields = new FieldChecks(reader, writer, out);
        ElementChecks elements = new ElementChecks(reader, writer, out);
        if (reader.module() && writer.module()) {
            writer.checked().stream().filter(reader.checked()::contains).forEach(p -> elements.files(p, p));
        } else {
            elements.files(reader.checked().get(0), writer.checked().get(0));
        }
        for (MessageDecl w : declared(writer.index().messages(), writer)) {
            MessageDecl r = reader.index().messages().get(w.fullName());
            if (r != null) {
                fields.compare(r, w);
                elements.messageOptions(r, w);
            }
        }
        for (EnumDecl w : declared(writer.index().enums(), writer)) {
            EnumDecl r = reader.index().enums().get(w.fullName());
            if (r != null) {
                elements.enums(r, w);
            }
        }
        writer.index().extensionsByNumber().forEach((key, w) -> {
            ProtoField r = reader.index().extensionsByNumber().get(key);
            if (r != null && writer.checked().contains(w.location().getPath())) {
                String extendee = key.substring(0, key.indexOf('#'));
                fields.pair("extensions of " + extendee, extendee + ".(" + r.name() + ")", r, w);
            }
        });
        for (ServiceDecl w : declared(writer.index().services(), writer)) {
            ServiceDecl r = reader.index().services().get(w.fullName());
            boolean moved = r != null && out.strictness().atLeast(Strictness.FILE) && !r.file().equals(w.file());
            if (r == null || moved || !reader.checked().contains(r.file())) {
                out.add(ProtoRule.SERVICE_REMOVED, w.fullName(), "service " + w.fullName()
                        + (moved ? " moved out of " + w.file() : " is not declared by the reader"),
                        ProtoIssue.Anchor.file(w.file()), ProtoIssue.Anchor.of(w.location()));
            }
            if (r != null) {
                elements.services(r, w); // a service that moved files still answers the same calls
            }
        }
    }

    /** The declarations of the checked files; imported files are there to resolve types, not to be compared. */
    private static <D extends Declared> List<D> declared(Map<String, D> decls, ProtoSchema schema) {
        return decls.values().stream().filter(d -> schema.checked().contains(d.file())).toList();
    }
}

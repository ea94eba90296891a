package io.strata.compat.protobuf;

import io.strata.compat.record.RecordFormatSupport;
import io.strata.compat.record.RecordIncompatibility;
import io.strata.model.RecordFormat;
import io.strata.model.RecordSchema;

import java.util.List;
import java.util.Map;

/**
 * ProtobufSupport is Strata's Protobuf format: proto2, proto3 and edition-2023 files parsed with Wire's
 * parser (edition files through proto3's grammar, their meaning taken from {@link Features}), imports
 * resolved through the given files, a canonical form that ignores layout, and wire-level compatibility
 * rules of our own (Buf's rules are the reference for what counts as breaking).
 *
 * <p>The primitive {@link #incompatibilities} checks at {@link Strictness#WIRE_JSON}: binary and JSON data
 * must stay readable, and services must keep answering the calls clients make. Removals of fields, enum
 * values, messages and enums are judged by {@link #evolution}, which knows which schema came first.
 */
public final class ProtobufSupport implements RecordFormatSupport<ProtoSchema> {

    /** The strictness of the primitive: what a registry's compatibility levels need. */
    public static final Strictness DEFAULT_STRICTNESS = Strictness.WIRE_JSON;

    public ProtobufSupport() {
    }

    @Override
    public RecordFormat format() {
        return RecordFormat.PROTOBUF;
    }

    @Override
    public ProtoSchema parse(String label, String text, Map<String, String> imports) {
        return ProtoFiles.parse(label, text, imports == null ? Map.of() : imports);
    }

    /** Parses a whole module: every file is checked, and files import each other by their paths. */
    public ProtoSchema parseModule(String label, Map<String, String> files) {
        return ProtoFiles.parseAll(label, files);
    }

    @Override
    public RecordSchema envelope(String label, ProtoSchema schema) {
        String canonical = CanonicalProto.of(schema);
        return RecordSchema.of(RecordFormat.PROTOBUF, label, canonical);
    }

    @Override
    public List<RecordIncompatibility> incompatibilities(ProtoSchema reader, ProtoSchema writer) {
        return issues(reader, writer, DEFAULT_STRICTNESS).stream().map(ProtoIssue::toRecord).toList();
    }

    /** Removals that were not reserved, and the other history-only rules ({@link ProtoRule#directional()}). */
    @Override
    public List<RecordIncompatibility> removals(ProtoSchema previous, ProtoSchema current) {
        return evolution(previous, current, DEFAULT_STRICTNESS).stream().filter(i -> i.rule().directional())
                .map(ProtoIssue::toRecord).toList();
    }

    /** The primitive at a chosen strictness, with where each issue sits in both schemas. */
    public List<ProtoIssue> issues(ProtoSchema reader, ProtoSchema writer, Strictness strictness) {
        return ProtoChecker.check(reader, writer, strictness);
    }

    /**
     * Everything that breaks going from {@code previous} to {@code current} at {@code strictness}, as Buf's
     * {@code breaking} check sees it: the primitive with {@code current} as reader, plus removals (fields and
     * enum values not reserved, messages, enums, oneofs, reservations, extensions, files, packages) and
     * required fields that {@code current} no longer writes.
     */
    public List<ProtoIssue> evolution(ProtoSchema previous, ProtoSchema current, Strictness strictness) {
        return ProtoChecker.evolution(previous, current, strictness);
    }
}

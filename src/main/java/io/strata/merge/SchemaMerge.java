package io.strata.merge;

import io.strata.error.StrataException;
import io.strata.model.SubjectFormat;

import java.util.Objects;

/**
 * SchemaMerge is the three-way merge of a subject's schemas, for merging a registry branch back: the base
 * version the branch forked at, the main line's head (ours) and the branch's head (theirs). Changes to
 * different objects combine; an object that both sides changed in different ways is a conflict, listed
 * object by object. A side that left an object as it was in the base never conflicts, and two identical
 * changes are one. Pure: no store, no database.
 */
public final class SchemaMerge {

    private SchemaMerge() {
    }

    /**
     * Merges the three versions of a subject written in {@code format}: {@link MergeInput.Text} for the
     * record formats, {@link MergeInput.Relational} for SQL. Unparseable input is a BAD_INPUT error naming
     * the side ({@code base}, {@code ours}, {@code theirs}).
     */
    public static MergeOutcome merge(SubjectFormat format, MergeInput base, MergeInput ours, MergeInput theirs) {
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case SQL -> CatalogMerge.merge(relational(base, "base"), relational(ours, "ours"), relational(theirs, "theirs"));
            case AVRO -> AvroMerge.merge(text(base, "base"), text(ours, "ours"), text(theirs, "theirs"));
            case JSON -> JsonSchemaMerge.merge(text(base, "base"), text(ours, "ours"), text(theirs, "theirs"));
            case PROTOBUF -> ProtoMerge.merge(text(base, "base"), text(ours, "ours"), text(theirs, "theirs"));
        };
    }

    private static MergeInput.Text text(MergeInput input, String side) {
        if (input instanceof MergeInput.Text text) {
            return text;
        }
        throw StrataException.badInput("the " + side + " schema of a record-format merge must be text, not a catalog");
    }

    private static MergeInput.Relational relational(MergeInput input, String side) {
        if (input instanceof MergeInput.Relational relational) {
            return relational;
        }
        throw StrataException.badInput("the " + side + " schema of a SQL merge must be a catalog with its dialect");
    }
}

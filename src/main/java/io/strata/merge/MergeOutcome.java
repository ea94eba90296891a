package io.strata.merge;

import io.strata.model.Catalog;

import java.util.List;
import java.util.Objects;

/** A MergeOutcome is the result of a three-way schema merge: a merged schema, or the conflicts that prevent one. */
public sealed interface MergeOutcome permits MergeOutcome.Merged, MergeOutcome.Conflicted {

    /**
     * The merged schema.
     *
     * @param text    the schema in its format's own text: Avro or JSON Schema JSON, {@code .proto} text, or for
     *                SQL the DDL that creates the merged catalog, one statement per line group ending in {@code ;}
     * @param catalog for SQL the merged catalog (the DDL is derived from it), else null
     */
    record Merged(String text, Catalog catalog) implements MergeOutcome {
        public Merged {
            Objects.requireNonNull(text, "text");
        }

        public Merged(String text) {
            this(text, null);
        }
    }

    /** The objects changed two different ways, in the order the merge met them; never empty. */
    record Conflicted(List<MergeConflict> conflicts) implements MergeOutcome {
        public Conflicted {
            conflicts = List.copyOf(conflicts);
            if (conflicts.isEmpty()) {
                throw new IllegalArgumentException("a conflicted merge lists at least one conflict");
            }
        }
    }
}

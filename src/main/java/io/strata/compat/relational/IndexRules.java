package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.Index;
import io.strata.model.IndexPart;
import io.strata.model.change.SchemaChange.AddIndex;
import io.strata.model.change.SchemaChange.DropIndex;
import io.strata.model.change.SchemaChange.ModifyIndex;

import java.util.List;
import java.util.Objects;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * IndexRules classify indexes. Plain indexes change speed, not results, so they are compatible for every
 * role; a unique index is a constraint (MySQL has no other kind) and is judged like one.
 */
final class IndexRules {

    static final Rule INDEX_ADDED = new Rule("INDEX_ADDED", "Index added",
            "a non-unique index exists only in the new version",
            "Planner: build it without blocking writes (PostgreSQL CREATE INDEX CONCURRENTLY, outside a "
                    + "transaction, dropping an INVALID leftover on retry; MySQL ALGORITHM=INPLACE, LOCK=NONE).",
            "Indexes change how fast queries run, never which rows they return or which writes succeed.",
            "index \"{location}\" was added",
            Effects.allOk());

    static final Rule INDEX_DROPPED = new Rule("INDEX_DROPPED", "Index dropped",
            "a non-unique index of the old version is absent from the new one",
            "Planner: drop it without blocking (PostgreSQL DROP INDEX CONCURRENTLY). Check first that no "
                    + "query needs it (pg_stat_user_indexes.idx_scan) and no MySQL query names it in an index "
                    + "hint.",
            "Results stay the same; queries that used it may get slower. Only a MySQL index hint (FORCE "
                    + "INDEX) naming it would fail, which Strata does not assume.",
            "index \"{location}\" was dropped",
            Effects.allOk());

    static final Rule INDEX_MODIFIED = new Rule("INDEX_MODIFIED", "Index modified",
            "a non-unique index (or a unique index's method, order, include list or comment) changed",
            "Planner: build the new definition concurrently under a temporary name, drop the old index "
                    + "concurrently, then rename the new one.",
            "The set of rows a unique index accepts is unchanged, and plain indexes never change results: "
                    + "only performance differs.",
            "index \"{location}\" was modified",
            Effects.allOk());

    static final Rule UNIQUE_INDEX_ADDED = new Rule("UNIQUE_INDEX_ADDED", "Unique index added",
            "a unique index exists only in the new version (or an index became unique)",
            "Remove stored duplicates, deploy writers that avoid them, then build the index concurrently "
                    + "(PostgreSQL) or online (MySQL).",
            "Like a unique constraint: old writers' rows may now collide and be rejected; new writers may use "
                    + "it as an upsert target, which fails or inserts duplicates against the old schema, whose "
                    + "readers may meet duplicates. The build fails if stored rows hold duplicates.",
            "unique index \"{location}\" on ({columns}) was added",
            Effects.of(OK, BREAKS, DATA_DEPENDENT, BREAKS));

    static final Rule UNIQUE_INDEX_DROPPED = new Rule("UNIQUE_INDEX_DROPPED", "Unique index dropped",
            "a unique index of the old version is absent from the new one (or stopped being unique)",
            "Contract last: move old writers' upserts off it, wait until no old client runs, then drop it "
                    + "concurrently.",
            "Old writers may use it as an upsert target (ON CONFLICT fails, ON DUPLICATE KEY UPDATE inserts "
                    + "duplicates). Old readers may meet duplicates once written. New writers may insert "
                    + "duplicates, which the old schema rejects, depending on data.",
            "unique index \"{location}\" on ({columns}) was dropped",
            Effects.of(DATA_DEPENDENT, BREAKS, OK, DATA_DEPENDENT));

    static final Rule UNIQUE_INDEX_MODIFIED = new Rule("UNIQUE_INDEX_MODIFIED", "Unique index key changed",
            "a unique index's key parts, prefix lengths or predicate changed",
            "Build the new unique index concurrently next to the old one, move upserts to it, then drop the "
                    + "old one once no old client runs.",
            "Rows unique under one key may collide under the other, in both directions, and upserts that "
                    + "target the old key no longer match it. Readers on each side may meet rows the other key "
                    + "refuses, depending on data.",
            "unique index \"{location}\" changed from ({from}) to ({to})",
            Effects.of(DATA_DEPENDENT, BREAKS, DATA_DEPENDENT, BREAKS));

    static final List<Rule> RULES = List.of(INDEX_ADDED, INDEX_DROPPED, INDEX_MODIFIED, UNIQUE_INDEX_ADDED,
            UNIQUE_INDEX_DROPPED, UNIQUE_INDEX_MODIFIED);

    private IndexRules() {
    }

    static List<Finding> addIndex(AddIndex change) {
        Index index = change.index();
        return List.of(index.unique()
                ? UNIQUE_INDEX_ADDED.finding(change, "columns", key(index))
                : INDEX_ADDED.finding(change));
    }

    static List<Finding> dropIndex(DropIndex change) {
        Index index = change.index();
        return List.of(index.unique()
                ? UNIQUE_INDEX_DROPPED.finding(change, "columns", key(index))
                : INDEX_DROPPED.finding(change));
    }

    static List<Finding> modifyIndex(ModifyIndex change) {
        Index from = change.from();
        Index to = change.to();
        if (!from.unique() && to.unique()) {
            return List.of(UNIQUE_INDEX_ADDED.finding(change, "columns", key(to)));
        }
        if (from.unique() && !to.unique()) {
            return List.of(UNIQUE_INDEX_DROPPED.finding(change, "columns", key(from)));
        }
        if (from.unique() && !sameUniqueness(from, to)) {
            return List.of(UNIQUE_INDEX_MODIFIED.finding(change, "from", key(from), "to", key(to)));
        }
        return List.of(INDEX_MODIFIED.finding(change));
    }

    /** Whether two unique indexes accept the same rows: same key parts (with prefixes) and predicate. */
    private static boolean sameUniqueness(Index a, Index b) {
        return keyParts(a).equals(keyParts(b)) && Objects.equals(a.predicate(), b.predicate());
    }

    private static List<String> keyParts(Index index) {
        return index.parts().stream().map(IndexRules::part).toList();
    }

    private static String part(IndexPart p) {
        String base = p.column() != null ? p.column() : "(" + p.expression() + ")";
        return p.prefixLength() == null ? base : base + "(" + p.prefixLength() + ")";
    }

    private static String key(Index index) {
        String parts = String.join(", ", keyParts(index));
        return index.predicate() == null ? parts : parts + " where " + index.predicate();
    }
}

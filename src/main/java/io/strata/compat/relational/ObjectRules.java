package io.strata.compat.relational;

import io.strata.compat.Effects;
import io.strata.compat.Finding;
import io.strata.model.Collation;
import io.strata.model.Schema;
import io.strata.model.Sequence;
import io.strata.model.change.SchemaChange;
import io.strata.model.change.SchemaChange.AddCollation;
import io.strata.model.change.SchemaChange.AddExtension;
import io.strata.model.change.SchemaChange.AddSchema;
import io.strata.model.change.SchemaChange.AddSequence;
import io.strata.model.change.SchemaChange.DropCollation;
import io.strata.model.change.SchemaChange.DropExtension;
import io.strata.model.change.SchemaChange.DropSchema;
import io.strata.model.change.SchemaChange.DropSequence;
import io.strata.model.change.SchemaChange.ModifyCollation;
import io.strata.model.change.SchemaChange.ModifySchema;
import io.strata.model.change.SchemaChange.ModifySequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.strata.compat.Effect.BREAKS;
import static io.strata.compat.Effect.DATA_DEPENDENT;
import static io.strata.compat.Effect.OK;

/**
 * ObjectRules classify schema-level objects (schemas, extensions, sequences, collations) and hold the rules shared by
 * every object: comments, default collations, and changes that carry no difference.
 *
 * <p>One principle runs through additions and drops: an object that exists only in the new schema is
 * assumed to be used by new clients, one that exists only in the old schema by old clients.
 */
final class ObjectRules {

    static final Rule NO_DIFFERENCE = new Rule("NO_DIFFERENCE", "No visible difference",
            "a Modify change whose before and after agree on every property the rules compare",
            "Nothing to do.",
            "The differ reported a change but the properties that matter to clients are equal (for example a "
                    + "ModifyColumn without kinds); no client can tell the versions apart.",
            "\"{location}\" changed without a difference clients can see",
            Effects.allOk());

    static final Rule COMMENT_CHANGED = new Rule("COMMENT_CHANGED", "Comment changed",
            "the comment of a schema, table, column, view or collation was added, changed or removed",
            "Apply directly; comments take no data lock beyond a brief catalog update.",
            "Comments are documentation stored in the catalog; no query reads or writes through them.",
            "comment of \"{location}\" changed",
            Effects.allOk());

    static final Rule DEFAULT_COLLATION_CHANGED = new Rule("DEFAULT_COLLATION_CHANGED", "Default charset or collation changed",
            "the default character set or collation of a schema or table changed",
            "Apply directly. To convert existing columns, change them one by one (each is its own "
                    + "COLUMN_COLLATION_CHANGED or COLUMN_CHARSET_CHANGED finding) in a later release.",
            "A schema's or table's default applies only to columns created afterwards; existing columns keep "
                    + "their own charset and collation, and changes to them are reported per column.",
            "default charset or collation of \"{location}\" changed from {from} to {to}",
            Effects.allOk());

    static final Rule SCHEMA_ADDED = new Rule("SCHEMA_ADDED", "Schema added",
            "a schema (PostgreSQL namespace, MySQL database) exists only in the new version",
            "Expand first: create the schema and its objects, deploy the applications that use them, and only "
                    + "then rely on them; a rollback of the database must wait until no application uses it.",
            "Old clients do not know the schema. New clients use the objects in it, which the old database "
                    + "lacks: their reads and writes fail against it.",
            "schema \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule SCHEMA_DROPPED = new Rule("SCHEMA_DROPPED", "Schema dropped",
            "a schema of the old version is absent from the new one",
            "Contract last: deploy applications that no longer use the schema, wait until no old client "
                    + "runs, back up its data, then drop it.",
            "Old clients read and write objects of the schema, which no longer exist. New clients do not use it.",
            "schema \"{location}\" was dropped",
            Effects.of(BREAKS, BREAKS, OK, OK));

    static final Rule EXTENSION_ADDED = new Rule("EXTENSION_ADDED", "Extension added",
            "a PostgreSQL extension is installed only in the new version",
            "Expand first: install the extension before deploying applications that call it; it is "
                    + "harmless to old clients, so it can stay installed across rollbacks of the application.",
            "New clients may call the extension's functions and operators directly (gen_random_uuid(), "
                    + "similarity(), ST_ functions); against the old database those calls fail. Columns, "
                    + "defaults and indexes that use it are classified by their own changes.",
            "extension \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule EXTENSION_DROPPED = new Rule("EXTENSION_DROPPED", "Extension dropped",
            "a PostgreSQL extension installed in the old version is absent from the new one",
            "Contract last: remove every use of its functions, types and operator classes from applications "
                    + "and schema, wait until no old client runs, then drop it.",
            "Old clients may call its functions and operators in their queries and inserts; those calls fail "
                    + "once it is gone. New clients do not use it.",
            "extension \"{location}\" was dropped",
            Effects.of(BREAKS, BREAKS, OK, OK));

    static final Rule SEQUENCE_ADDED = new Rule("SEQUENCE_ADDED", "Sequence added",
            "a standalone sequence exists only in the new version",
            "Expand first: create the sequence (starting above any value already in use) before deploying "
                    + "writers that call nextval on it.",
            "Sequences are write-side objects: new writers call nextval on it, which fails against the old "
                    + "database. Readers never touch it.",
            "sequence \"{location}\" was added",
            Effects.of(OK, OK, OK, BREAKS));

    static final Rule SEQUENCE_DROPPED = new Rule("SEQUENCE_DROPPED", "Sequence dropped",
            "a standalone sequence of the old version is absent from the new one",
            "Contract last: deploy writers that no longer call it, remove defaults that reference it, wait "
                    + "until no old writer runs, then drop it.",
            "Old writers call nextval on it (directly or through a column default), which fails once it is "
                    + "gone. Readers never touch it; new writers do not use it.",
            "sequence \"{location}\" was dropped",
            Effects.of(OK, BREAKS, OK, OK));

    static final Rule SEQUENCE_RANGE_NARROWED = new Rule("SEQUENCE_RANGE_NARROWED", "Sequence range narrowed",
            "a sequence's maximum was lowered or its minimum raised",
            "Check the sequence's current value against the new bound before applying; prefer leaving the "
                    + "range alone and narrowing the column type in a separate, checked step.",
            "Old writers keep calling nextval; once the sequence reaches the narrower bound, nextval fails (or "
                    + "wraps, when it cycles) where it used to succeed. Whether that happens depends on the "
                    + "sequence's current value.",
            "range of sequence \"{location}\" narrowed from [{from}] to [{to}]",
            Effects.of(OK, DATA_DEPENDENT, OK, OK));

    static final Rule SEQUENCE_RANGE_WIDENED = new Rule("SEQUENCE_RANGE_WIDENED", "Sequence range widened",
            "a sequence's maximum was raised or its minimum lowered",
            "Widen the columns that store the sequence's values first, then the sequence.",
            "New writers against the old sequence may run into the old, narrower bound once the sequence gets "
                    + "there; old writers are unaffected. Whether that happens depends on the current value.",
            "range of sequence \"{location}\" widened from [{from}] to [{to}]",
            Effects.of(OK, OK, OK, DATA_DEPENDENT));

    static final Rule SEQUENCE_OPTIONS_CHANGED = new Rule("SEQUENCE_OPTIONS_CHANGED", "Sequence options changed",
            "a sequence's start, increment, cache, cycle, owner or data type changed with its range intact",
            "Apply directly; when changing the increment or restarting, make sure new values cannot collide "
                    + "with keys already stored.",
            "These options change which numbers nextval hands out next, not whether it succeeds; clients "
                    + "treat generated keys as opaque.",
            "options of sequence \"{location}\" changed",
            Effects.allOk());

    static final Rule COLLATION_ADDED = new Rule("COLLATION_ADDED", "Collation added",
            "a PostgreSQL collation exists only in the new version",
            "Expand first: create the collation before deploying applications that name it; it is harmless "
                    + "to old clients, so it can stay across rollbacks of the application.",
            "New clients may name it in their queries (ORDER BY name COLLATE \"numeric\"); against the old "
                    + "database those queries fail. Columns and indexes that use it are classified by their "
                    + "own changes.",
            "collation \"{location}\" was added",
            Effects.of(OK, OK, BREAKS, BREAKS));

    static final Rule COLLATION_DROPPED = new Rule("COLLATION_DROPPED", "Collation dropped",
            "a PostgreSQL collation of the old version is absent from the new one",
            "Contract last: move columns and indexes off it (each its own finding), deploy applications that "
                    + "no longer name it, wait until no old client runs, then drop it.",
            "No column of the new version uses it (those columns changed first, and are classified by their "
                    + "own changes), but old clients may still name it in queries and in the WHERE clauses "
                    + "of their writes; those statements fail once it is gone. New clients do not use it.",
            "collation \"{location}\" was dropped",
            Effects.of(BREAKS, BREAKS, OK, OK));

    static final Rule COLLATION_CHANGED = new Rule("COLLATION_CHANGED", "Collation changed",
            "a PostgreSQL collation's provider, locale, determinism or ICU rules changed",
            "Create a collation under a new name, move columns to it one by one (checking uniqueness under "
                    + "it first), then drop the old one. PostgreSQL cannot alter a collation's settings in "
                    + "place; recreating it means dropping everything that uses it.",
            "The collation decides equality, ordering and uniqueness for every column, index and query that "
                    + "uses it. Readers on either side may see rows in another order or matched differently; "
                    + "writers may hit unique violations for values that only now compare equal, and indexes "
                    + "built under the old settings must be rebuilt. All of it depends on the values stored.",
            "collation \"{location}\" changed from {from} to {to}",
            Effects.of(DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT, DATA_DEPENDENT));

    static final List<Rule> RULES = List.of(NO_DIFFERENCE, COMMENT_CHANGED, DEFAULT_COLLATION_CHANGED,
            SCHEMA_ADDED, SCHEMA_DROPPED, EXTENSION_ADDED, EXTENSION_DROPPED, SEQUENCE_ADDED, SEQUENCE_DROPPED,
            SEQUENCE_RANGE_NARROWED, SEQUENCE_RANGE_WIDENED, SEQUENCE_OPTIONS_CHANGED,
            COLLATION_ADDED, COLLATION_DROPPED, COLLATION_CHANGED);

    private ObjectRules() {
    }

    static List<Finding> addSchema(AddSchema change) {
        return List.of(SCHEMA_ADDED.finding(change));
    }

    static List<Finding> dropSchema(DropSchema change) {
        return List.of(SCHEMA_DROPPED.finding(change));
    }

    static List<Finding> modifySchema(ModifySchema change) {
        Schema from = change.from();
        Schema to = change.to();
        List<Finding> findings = new ArrayList<>();
        if (!Objects.equals(from.charset(), to.charset()) || !Objects.equals(from.collation(), to.collation())) {
            findings.add(DEFAULT_COLLATION_CHANGED.finding(change,
                    "from", charsetAndCollation(from.charset(), from.collation()),
                    "to", charsetAndCollation(to.charset(), to.collation())));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            findings.add(COMMENT_CHANGED.finding(change));
        }
        return orNoDifference(findings, change);
    }

    static List<Finding> addExtension(AddExtension change) {
        return List.of(EXTENSION_ADDED.finding(change));
    }

    static List<Finding> dropExtension(DropExtension change) {
        return List.of(EXTENSION_DROPPED.finding(change));
    }

    static List<Finding> addSequence(AddSequence change) {
        return List.of(SEQUENCE_ADDED.finding(change));
    }

    static List<Finding> dropSequence(DropSequence change) {
        return List.of(SEQUENCE_DROPPED.finding(change));
    }

    static List<Finding> modifySequence(ModifySequence change) {
        Sequence from = change.from();
        Sequence to = change.to();
        List<Finding> findings = new ArrayList<>();
        String before = from.min() + ", " + from.max();
        String after = to.min() + ", " + to.max();
        if (to.max() < from.max() || to.min() > from.min()) {
            findings.add(SEQUENCE_RANGE_NARROWED.finding(change, "from", before, "to", after));
        }
        if (to.max() > from.max() || to.min() < from.min()) {
            findings.add(SEQUENCE_RANGE_WIDENED.finding(change, "from", before, "to", after));
        }
        boolean optionsChanged = from.start() != to.start() || from.increment() != to.increment()
                || from.cache() != to.cache() || from.cycle() != to.cycle()
                || !Objects.equals(from.ownedBy(), to.ownedBy()) || !Objects.equals(from.dataType(), to.dataType());
        if (optionsChanged) {
            findings.add(SEQUENCE_OPTIONS_CHANGED.finding(change));
        }
        return orNoDifference(findings, change);
    }

    static List<Finding> addCollation(AddCollation change) {
        return List.of(COLLATION_ADDED.finding(change));
    }

    static List<Finding> dropCollation(DropCollation change) {
        return List.of(COLLATION_DROPPED.finding(change));
    }

    static List<Finding> modifyCollation(ModifyCollation change) {
        Collation from = change.from();
        Collation to = change.to();
        List<Finding> findings = new ArrayList<>();
        String before = collationSettings(from);
        String after = collationSettings(to);
        if (!before.equals(after)) {
            findings.add(COLLATION_CHANGED.finding(change, "from", before, "to", after));
        }
        if (!Objects.equals(from.comment(), to.comment())) {
            findings.add(COMMENT_CHANGED.finding(change));
        }
        return orNoDifference(findings, change);
    }

    /** The settings that decide how a collation compares, as one line for messages; equal text means equal behaviour. */
    private static String collationSettings(Collation c) {
        StringBuilder text = new StringBuilder(c.provider());
        if (c.locale() != null) {
            text.append(" locale ").append(c.locale());
        }
        if (c.lcCollate() != null) {
            text.append(" lc_collate ").append(c.lcCollate());
        }
        if (c.lcCtype() != null) {
            text.append(" lc_ctype ").append(c.lcCtype());
        }
        if (c.rules() != null) {
            text.append(" rules ").append(c.rules());
        }
        return text.append(c.deterministic() ? "" : " nondeterministic").toString();
    }

    /** {@code findings}, or the single NO_DIFFERENCE finding when no rule matched. */
    static List<Finding> orNoDifference(List<Finding> findings, SchemaChange change) {
        return findings.isEmpty() ? List.of(NO_DIFFERENCE.finding(change)) : List.copyOf(findings);
    }

    static String charsetAndCollation(String charset, String collation) {
        return (charset == null ? "default" : charset) + "/" + (collation == null ? "default" : collation);
    }
}

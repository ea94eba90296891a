package io.strata.dialect.postgres;

import io.strata.model.change.SchemaChange;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgresStepOrder collects the steps of a PostgreSQL plan by phase and slot and puts them in an order
 * the server accepts: what others depend on is dropped first and created before its users.
 */
final class PostgresStepOrder {

    /**
     * The slots of a phase in the order they run. Triggers, policies and grants go first, then foreign keys and
     * views, so that the tables, columns and routines they use may change; tables are created without their
     * foreign keys, which come once every table exists; tables are dropped after their keys and before the
     * routines, types and schemas they use. Routines are created before the tables whose defaults and checks may
     * call them, unless their bodies read a table or column this plan adds ({@code ROUTINE_CREATE_LATE}) or a view
     * ({@code ROUTINE_AFTER_VIEWS}, since views are recreated last), and such a routine is dropped before the views
     * may go ({@code ROUTINE_DROP_BEFORE_VIEWS}); triggers, policies and grants come once their tables, views and
     * routines exist ({@code ATTACH}).
     */
    enum Slot {
        ATTACHED_DROP, ROUTINE_DROP_BEFORE_VIEWS, FK_DROP, VIEW_DROP, INDEX_DROP, RENAME, SCHEMA_CREATE,
        EXTENSION_CREATE, COLLATION_CREATE, TYPE_CREATE, SEQUENCE_CREATE, ROUTINE_CREATE, TABLE_CREATE, COLUMN_ADD,
        COLUMN_ALTER, ROUTINE_CREATE_LATE, COLUMN_DROP, CONSTRAINT_ADD, INDEX_ADD, FK_ADD, TABLE_DROP, ROUTINE_DROP,
        TYPE_DROP, SEQUENCE_DROP, COLLATION_DROP, EXTENSION_DROP, SCHEMA_DROP, VIEW_CREATE, ROUTINE_AFTER_VIEWS,
        ATTACH, COMMENT, OWNERSHIP
    }

    private record Entry(PhaseKind phase, Slot slot, int rank, int seq, Step step) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> deployNotes = new LinkedHashSet<>();
    private final Set<SchemaChange> carried = new java.util.HashSet<>();

    /** Adds steps that run together, in the given order, in {@code slot} of {@code phase}. */
    void add(PhaseKind phase, Slot slot, List<Step> steps) {
        add(phase, slot, 0, steps);
    }

    /** As {@link #add(PhaseKind, Slot, List)}, ordered by {@code rank} within the slot (parents before children). */
    void add(PhaseKind phase, Slot slot, int rank, List<Step> steps) {
        for (Step s : steps) {
            entries.add(new Entry(phase, slot, rank, entries.size(), s));
        }
    }

    /**
     * Records a change that needs no statement of its own because the server does it with another (a column added to a
     * partitioned parent reaches its partitions; a new primary key makes its columns NOT NULL).
     */
    void carried(SchemaChange change) {
        carried.add(change);
    }

    /** The changes {@link #carried} recorded: a plan covers them without a step. */
    Set<SchemaChange> carried() {
        return carried;
    }

    /** What the application must stop doing before the contract phase may run. */
    void deployNote(String note) {
        deployNotes.add(note);
    }

    MigrationPlan build(String serverVersion) {
        List<Phase> phases = new ArrayList<>();
        for (PhaseKind kind : PhaseKind.values()) {
            List<Step> steps = entries.stream().filter(e -> e.phase() == kind)
                    .sorted(Comparator.comparing(Entry::slot).thenComparingInt(Entry::rank).thenComparingInt(Entry::seq))
                    .map(Entry::step).toList();
            phases.add(new Phase(kind, steps, null));
        }
        boolean contract = phases.get(PhaseKind.CONTRACT.ordinal()).steps().size() > 0;
        if (contract) {
            // The deploy goes after the last phase before CONTRACT that has steps.
            String note = "deploy the application version that " + String.join("; ", deployNotes);
            for (int i = PhaseKind.CONTRACT.ordinal() - 1; i >= 0; i--) {
                Phase p = phases.get(i);
                if (!p.steps().isEmpty()) {
                    phases.set(i, new Phase(p.kind(), p.steps(), deployNotes.isEmpty() ? null : note));
                    break;
                }
            }
        }
        return new MigrationPlan(PostgresDialect.NAME, serverVersion, phases);
    }
}

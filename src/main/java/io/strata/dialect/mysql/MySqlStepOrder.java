package io.strata.dialect.mysql;

import io.strata.model.change.SchemaChange;
import io.strata.plan.LockImpact;
import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.PhaseKind;
import io.strata.plan.Reverse;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MySqlStepOrder collects the steps of a MySQL plan by phase and slot and puts them in the order they run
 * in: by phase, then by slot, then in the order they were added.
 */
final class MySqlStepOrder {

    /**
     * The slots of a phase in the order they run. Views are dropped before anything, so that the reverses,
     * run backwards, recreate them last, on the tables as they were. Renames come next so that every later
     * step of the phase can use the new names; foreign keys and indexes go before the columns and tables
     * they use, except an index a remaining foreign key needs, which goes once the new indexes exist; new tables
     * exist before foreign keys point at them; views are recreated once their tables
     * have their final shape; tables are dropped last. An AUTO_INCREMENT column must be a key's first column
     * at every moment, so a column loses AUTO_INCREMENT before any key goes and gains it once the keys are added.
     * Triggers and events go first and come back last, when their tables have their final shape (the server checks
     * a trigger's NEW and OLD columns when it is created); routines go after the views that may call them and come
     * back before them (the server checks the functions a view calls).
     */
    enum Slot {
        DROP_TRIGGER,
        DROP_EVENT,
        DROP_VIEW,
        DROP_ROUTINE,
        RENAME_TABLE,
        RENAME_COLUMN,
        DROP_IDENTITY,
        DROP_FOREIGN_KEY,
        DROP_CHECK,
        DROP_INDEX,
        DATABASE_OPTIONS,
        TABLE_OPTIONS,
        CREATE_TABLE,
        ADD_COLUMN,
        MODIFY_COLUMN,
        PRIMARY_KEY,
        ADD_INDEX,
        DROP_FOREIGN_KEY_INDEX,
        ADD_IDENTITY,
        ADD_CHECK,
        DROP_COLUMN,
        READD_COLUMN,
        ADD_FOREIGN_KEY,
        CREATE_ROUTINE,
        CREATE_VIEW,
        CREATE_TRIGGER,
        CREATE_EVENT,
        DROP_TABLE
    }

    /** A step in its phase and slot, with the tables it changes (old and new names). */
    private record Entry(PhaseKind phase, Slot slot, Set<String> tables, Step step) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Adds a DDL step changing {@code tables}. MySQL and MariaDB commit implicitly before and after every
     * DDL statement, so no step is transactional.
     */
    void add(PhaseKind phase, Slot slot, SchemaChange source, String description, String sql, Reverse reverse,
             LockImpact lock, String... tables) {
        add(phase, slot, new Step(description, sql, reverse, false, lock, source), tables);
    }

    /** Adds a step written whole, changing {@code tables}. */
    void add(PhaseKind phase, Slot slot, Step step, String... tables) {
        entries.add(new Entry(phase, slot, Set.copyOf(Arrays.asList(tables)), step));
    }

    /** The tables the steps added so far change, by phase: the view steps rebuild the views that read them. */
    Map<PhaseKind, Set<String>> tablesByPhase() {
        Map<PhaseKind, Set<String>> out = new EnumMap<>(PhaseKind.class);
        entries.forEach(e -> out.computeIfAbsent(e.phase(), p -> new HashSet<>()).addAll(e.tables()));
        return out;
    }

    MigrationPlan build(String serverVersion) {
        List<Entry> ordered = entries.stream()
                .sorted(Comparator.comparing(Entry::phase).thenComparing(Entry::slot)).toList();
        List<Step> expand = steps(ordered, PhaseKind.EXPAND);
        List<Step> migrate = steps(ordered, PhaseKind.MIGRATE);
        List<Step> contract = steps(ordered, PhaseKind.CONTRACT);
        String deploy = contract.isEmpty() ? null
                : "deploy the application version that no longer uses what the contract phase removes or renames: "
                + contract.stream().map(Step::description).distinct().collect(Collectors.joining("; "));
        // The deploy goes after the last phase before CONTRACT.
        return new MigrationPlan(MySqlDialect.NAME, serverVersion, List.of(
                new Phase(PhaseKind.EXPAND, expand, migrate.isEmpty() ? deploy : null),
                new Phase(PhaseKind.MIGRATE, migrate, migrate.isEmpty() ? null : deploy),
                new Phase(PhaseKind.CONTRACT, contract, null)));
    }

    private static List<Step> steps(List<Entry> ordered, PhaseKind phase) {
        return ordered.stream().filter(e -> e.phase() == phase).map(Entry::step).toList();
    }
}

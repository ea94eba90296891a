package io.strata.dialect;

import io.strata.model.Catalog;
import io.strata.model.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LiveSchema is a target's inspected schema as a plan should see it: without Strata's own history
 * tables (and the triggers, policies and grants on them) and backup schema, which no desired schema lists and no
 * plan may drop.
 */
public final class LiveSchema {

    /** The schema Strata keeps backed-up tables in; every target has it once a destructive step ran. */
    public static final String BACKUP_SCHEMA = "strata_backup";

    static final Set<String> HISTORY_TABLES = Set.of("strata_history", "strata_history_steps");

    private LiveSchema() {
    }

    /**
     * {@code live} without Strata's history tables in any schema: what {@code inspect}, {@code diff} and
     * {@code check} show of a database Strata has migrated.
     */
    public static Catalog withoutHistory(Catalog live) {
        return live.withSchemas(live.schemas().stream().filter(s -> !s.name().equals(BACKUP_SCHEMA))
                .map(LiveSchema::withoutHistoryTables).toList());
    }

    private static Schema withoutHistoryTables(Schema s) {
        return s.withTables(s.tables().stream().filter(t -> !HISTORY_TABLES.contains(t.name())).toList())
                .withObjects(s.objects().stream().filter(o -> o.table() == null || !HISTORY_TABLES.contains(o.table())).toList());
    }

    /**
     * {@code live} without the history tables of {@code historySchema}; when the history has a schema of
     * its own ({@code dedicated}) that holds nothing else, without that schema too.
     */
    public static Catalog withoutHistory(Catalog live, String historySchema, boolean dedicated) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : live.schemas()) {
            if (s.name().equals(BACKUP_SCHEMA)) {
                continue;
            }
            if (!s.name().equals(historySchema)) {
                schemas.add(s);
                continue;
            }
            Schema kept = withoutHistoryTables(s);
            boolean empty = kept.tables().isEmpty() && kept.views().isEmpty() && kept.enums().isEmpty()
                    && kept.sequences().isEmpty() && kept.objects().isEmpty();
            if (!(dedicated && empty)) {
                schemas.add(kept);
            }
        }
        return live.withSchemas(schemas);
    }
}

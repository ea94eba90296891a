package io.strata.dialect.mysql;

/**
 * MySqlStepOrder is the order steps run in within a phase, declaration order being run order.
 * Views are dropped before anything, so that the reverses, run backwards, recreate them last, on
 * the tables as they were. Renames come next so that every later step of the phase can use the new names; foreign keys and
 * indexes go before the columns and tables they use; new tables exist before foreign keys point at
 * them; views are recreated once their tables have their final shape; tables are dropped last.
 */
enum MySqlStepOrder {
    DROP_VIEW,
    RENAME_TABLE,
    RENAME_COLUMN,
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
    ADD_CHECK,
    DROP_COLUMN,
    ADD_FOREIGN_KEY,
    CREATE_VIEW,
    DROP_TABLE
}

package io.strata.migrate;

import java.time.Instant;

/**
 * A Backup is one table of the backup schema holding data a destructive step removed, kept until
 * {@code strata backups prune} drops it.
 *
 * @param rank    the history row of the migration that made it
 * @param table   its name in the backup schema ({@link BackupPlanner#SCHEMA})
 */
public record Backup(int rank, String version, Instant createdAt, String table) {
}

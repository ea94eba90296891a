package io.strata.app;

import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.migrate.Backup;
import io.strata.migrate.HistoryRow;
import io.strata.migrate.TargetSession;

import java.util.List;

/** ShowStatus is the use case behind {@code strata status}: the target's recorded migrations and backups, read without the lock. */
public final class ShowStatus {

    /** What status prints: the history, oldest first, and the backups that still exist. */
    public record Status(List<HistoryRow> history, List<Backup> backups) {
    }

    public Status run(String url, String historySchema) {
        Dialect dialect = Dialects.forUrl(url);
        return new Status(TargetSession.readHistory(dialect, url, historySchema),
                TargetSession.readBackups(dialect, url, historySchema));
    }
}

package io.strata.app;

import io.strata.dialect.Dialects;
import io.strata.plan.apply.HistoryRow;
import io.strata.plan.apply.TargetSession;

import java.util.List;

/** ShowStatus is the use case behind {@code strata status}: the target's recorded migrations, read without the lock. */
public final class ShowStatus {

    public List<HistoryRow> run(String url, String historySchema) {
        return TargetSession.readHistory(Dialects.forUrl(url), url, historySchema);
    }
}

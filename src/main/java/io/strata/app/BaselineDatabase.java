package io.strata.app;

import io.strata.dialect.Dialects;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.TargetSession;

/**
 * BaselineDatabase is the use case behind {@code strata baseline}: adopt a database built before
 * Strata by recording a version as applied, so {@code migrate} starts after it.
 */
public final class BaselineDatabase {

    public ApplyResult run(String url, String version, String description, ApplySettings settings) {
        try (TargetSession session = TargetSession.open(Dialects.forUrl(url), url, settings)) {
            return session.baseline(version, description);
        }
    }
}

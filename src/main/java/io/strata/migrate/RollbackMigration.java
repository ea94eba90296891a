package io.strata.migrate;

import io.strata.dialect.Dialects;

import java.util.List;

/**
 * RollbackMigration is the use case behind {@code strata rollback}: under the target's migration lock,
 * take back the versions applied after a given one (or the newest), restoring structure and backed-up data.
 */
public final class RollbackMigration {

    /** @param to the version to return to, or null to take back only the newest applied version */
    public List<ApplyResult> run(String url, String to, ApplySettings settings) {
        return run(url, to, settings, Approval.GRANTED);
    }

    /** As {@link #run(String, String, ApplySettings)}, once {@code approval} approves what will run. */
    public List<ApplyResult> run(String url, String to, ApplySettings settings, Approval approval) {
        try (TargetSession session = TargetSession.open(Dialects.forUrl(url), url, settings)) {
            return session.rollback(to, approval);
        } catch (LockUnavailableException e) {
            return List.of(ApplyResult.locked(e.getMessage()));
        }
    }
}

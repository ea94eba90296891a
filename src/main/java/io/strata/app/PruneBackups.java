package io.strata.app;

import io.strata.dialect.Dialects;
import io.strata.dialect.JdbcUrls;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.Backup;
import io.strata.migrate.TargetSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * PruneBackups is the use case behind {@code strata backups prune}: under the migration lock, drop the
 * backups made by one version, or older than a given age, or all of them. The versions that needed
 * them cannot be rolled back afterwards.
 */
public final class PruneBackups {

    /**
     * @param olderThan drop backups made longer ago than this, or null for any age
     * @param version   drop only the backups of this version, or null for every version
     */
    public record Request(String url, Duration olderThan, String version, ApplySettings settings) {
    }

    /** The backups dropped. */
    public List<Backup> run(Request request) {
        return run(request, (target, chosen) -> true).orElseThrow();
    }

    /**
     * The backups dropped, once {@code confirm} agrees to drop the ones chosen from the target it is given by its
     * URL without secrets (asked under the migration lock, so what it is shown is what goes); empty when it did not,
     * and nothing was dropped.
     */
    public Optional<List<Backup>> run(Request request, BiPredicate<String, List<Backup>> confirm) {
        Instant cutoff = request.olderThan() == null ? null : Instant.now().minus(request.olderThan());
        try (TargetSession session = TargetSession.open(Dialects.forUrl(request.url()), request.url(), request.settings())) {
            List<Backup> chosen = session.backups().stream()
                    .filter(b -> request.version() == null || b.version().equals(request.version()))
                    .filter(b -> cutoff == null || b.createdAt().isBefore(cutoff))
                    .toList();
            if (!chosen.isEmpty() && !confirm.test(JdbcUrls.redact(request.url()), chosen)) {
                return Optional.empty();
            }
            session.prune(chosen);
            return Optional.of(chosen);
        }
    }
}

package io.strata.app;

import io.strata.migrate.ApplyMigration;
import io.strata.migrate.ApplyResult;
import io.strata.migrate.ApplySettings;
import io.strata.migrate.NamedSchema;
import io.strata.plan.PhaseKind;
import io.strata.source.LoadedSource;
import io.strata.source.PlanFile;
import io.strata.source.SourceLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ApplySchema is the use case behind {@code strata apply}: it loads what the user named (a desired schema or a
 * plan file, and the schema the target should be at) and hands the values to the executor,
 * {@link ApplyMigration}.
 */
public final class ApplySchema {

    /**
     * What to apply, as the user named it.
     *
     * @param to     the desired schema (file, directory, model file, plan file or JDBC URL)
     * @param url    the target database
     * @param expect the schema the target should be at now, or null to skip the drift check
     * @see ApplyMigration.Request for the other fields
     */
    public record Request(String to, String url, String expect, String version, String description,
                          ApplySettings settings, boolean dryRun, boolean allowDataLoss, boolean skipDataChecks, String devUrl,
                          PhaseKind phase) {
    }

    private final SourceLoader loader;
    private final io.strata.migrate.ApplyProgress progress;

    public ApplySchema(SourceLoader loader) {
        this(loader, io.strata.migrate.ApplyProgress.NONE);
    }

    /** A use case that tells {@code progress} the pre-flight estimates before the work and how backfills go. */
    public ApplySchema(SourceLoader loader, io.strata.migrate.ApplyProgress progress) {
        this.loader = loader;
        this.progress = progress;
    }

    public ApplyResult run(Request request) {
        return run(request, io.strata.migrate.Approval.GRANTED);
    }

    /** Runs {@code request} once {@code approval} approves the plan (see {@link ApplyMigration#run(ApplyMigration.Request, io.strata.migrate.Approval)}). */
    public ApplyResult run(Request request, io.strata.migrate.Approval approval) {
        PlanFile reviewed = PlanFile.isPlanFile(request.to()) ? PlanFile.read(Path.of(request.to())) : null;
        // Sources are loaded before the executor takes the target's lock: replaying them can take seconds
        // nobody should wait for.
        List<String> sources = new ArrayList<>();
        if (reviewed == null) {
            sources.add(request.to());
        }
        if (request.expect() != null) {
            sources.add(request.expect());
        }
        // SQL sources are meant for the target: replayed on its major, they print its views as it does.
        List<LoadedSource> loaded = loader.replayingFor(request.url()).loadAll(sources);
        NamedSchema desired = reviewed == null ? named(loaded.get(0)) : new NamedSchema(request.to(), reviewed.desired());
        NamedSchema expected = request.expect() == null ? null
                : new NamedSchema(request.expect(), loaded.get(loaded.size() - 1).catalog());
        return new ApplyMigration(progress).run(new ApplyMigration.Request(desired, request.url(), expected, reviewed,
                request.version(), request.description(), request.settings(), request.dryRun(), request.allowDataLoss(),
                request.skipDataChecks(), request.devUrl(), request.phase()), approval);
    }

    private static NamedSchema named(LoadedSource source) {
        return new NamedSchema(source.label(), source.catalog());
    }
}

package io.strata.app;

import io.strata.source.Catalogs;
import io.strata.source.LoadedSource;
import io.strata.source.RecordSources;
import io.strata.source.SourceLoader;
import io.strata.compat.CompatibilityChecker;
import io.strata.compat.CompatibilityLevel;
import io.strata.compat.CompatibilityResult;
import io.strata.compat.LabelledChanges;
import io.strata.compat.Levels;
import io.strata.compat.record.RecordCompatibility;
import io.strata.compat.record.RecordFormatSupport;
import io.strata.diff.Differ;
import io.strata.error.StrataException;
import io.strata.model.RecordFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * CheckCompatibility is the use case behind {@code strata check}: the last of the given versions is
 * the new one; it is checked against the earlier ones its level compares ({@link Levels}: the previous
 * version, or every earlier one for the transitive levels), and the others are not even loaded. Record
 * schema files (Avro, JSON Schema, Protobuf) go to their format's checker, relational sources to the differ.
 */
public final class CheckCompatibility {

    private final SourceLoader loader;

    public CheckCompatibility(SourceLoader loader) {
        this.loader = loader;
    }

    /** {@code versions} oldest first; at least two. */
    public CompatibilityResult run(List<String> versions, CompatibilityLevel level) {
        if (versions.size() < 2) {
            throw StrataException.badInput("check needs at least two versions (oldest first), got " + versions.size());
        }
        List<String> needed = new ArrayList<>(Levels.compared(level, versions.subList(0, versions.size() - 1)));
        needed.add(versions.get(versions.size() - 1));
        RecordFormat record = RecordSources.sameFormat(needed);
        if (record != null) {
            return checkRecords(RecordSources.support(record), needed, level);
        }
        List<LoadedSource> loaded = loader.loadAll(needed);
        LoadedSource newest = loaded.get(loaded.size() - 1);
        List<LabelledChanges> againstEarlier = new ArrayList<>();
        for (LoadedSource earlier : loaded.subList(0, loaded.size() - 1)) {
            Catalogs.requireSameDialect(earlier, newest);
            againstEarlier.add(new LabelledChanges(earlier.label(), newest.label(),
                    Differ.diff(earlier.catalog(), newest.catalog())));
        }
        return CompatibilityChecker.check(level, againstEarlier, newest.catalog().dialect());
    }

    /** Record schema files: each parsed by its format, the level composed from the format's primitive. */
    private static <S> CompatibilityResult checkRecords(RecordFormatSupport<S> support, List<String> versions,
                                                        CompatibilityLevel level) {
        List<RecordCompatibility.Version<S>> parsed = versions.stream().map(v -> RecordSources.read(support, v)).toList();
        return RecordCompatibility.check(level, parsed, support);
    }
}

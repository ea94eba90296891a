package io.strata.migrate;


import io.strata.plan.Checksums;
import java.util.ArrayList;
import java.util.List;

/**
 * A Migration is what one history row records: a version, its statements in batches, and their checksum.
 *
 * @param kind          {@code apply} (planned from a desired schema) or {@code migrate} (a versioned file)
 * @param desiredDigest digest of the desired schema of an {@code apply}, null for a file
 * @param steps         every statement, numbered, with its batch
 * @param phase         the phase of a plan this migration is, or null when it is a whole plan or a file
 * @param dataChecks    {@link #DATA_CHECKS_PASSED} or {@link #DATA_CHECKS_SKIPPED} for a planned apply, null for a file
 */
public record Migration(String version, String description, String kind, String checksum, String desiredDigest,
                        List<HistoryStep> steps, PhaseRecord phase, String dataChecks) {

    /** The pre-flight data checks ran and found nothing a step would fail on. */
    public static final String DATA_CHECKS_PASSED = "passed";
    /** The run was asked to skip the pre-flight data checks. */
    public static final String DATA_CHECKS_SKIPPED = "skipped";

    public Migration {
        steps = List.copyOf(steps);
    }

    public Migration withPhase(PhaseRecord value) {
        return new Migration(version, description, kind, checksum, desiredDigest, steps, value, dataChecks);
    }

    public Migration withDataChecks(String value) {
        return new Migration(version, description, kind, checksum, desiredDigest, steps, phase, value);
    }

    public static Migration of(String version, String description, String kind, String desiredDigest,
                               List<Batch> batches) {
        List<HistoryStep> steps = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        int batchNo = 0;
        for (Batch batch : batches) {
            batchNo++;
            for (int i = 0; i < batch.statements().size(); i++) {
                String sql = batch.statements().get(i);
                steps.add(new HistoryStep(steps.size() + 1, batchNo, batch.transactional(),
                        Checksums.ofStatement(sql), sql, false, batch.undos().get(i), null));
                statements.add(sql);
            }
        }
        return new Migration(version, description, kind, Checksums.ofStatements(statements), desiredDigest, steps, null, null);
    }

    /** How messages name what ran: {@code version 2}, or {@code repeatable "refresh views"} (it has no version). */
    public static String subject(String kind, String version, String description) {
        return kind.equals(MigrationFile.REPEATABLE_KIND) ? "repeatable \"" + description + "\"" : "version " + version;
    }

    public int statementCount() {
        return steps.size();
    }
}

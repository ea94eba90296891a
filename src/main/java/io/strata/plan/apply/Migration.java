package io.strata.plan.apply;

import io.strata.plan.MigrationPlan;
import io.strata.plan.Phase;
import io.strata.plan.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * A Migration is what one history row records: a version, its statements in batches, and their checksum.
 *
 * @param kind          {@code apply} (planned from a desired schema) or {@code migrate} (a versioned file)
 * @param desiredDigest digest of the desired schema of an {@code apply}, null for a file
 * @param steps         every statement, numbered, with its batch
 */
public record Migration(String version, String description, String kind, String checksum, String desiredDigest,
                        List<HistoryStep> steps) {

    public Migration {
        steps = List.copyOf(steps);
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
                        Checksums.ofStatement(sql), sql, false, batch.undos().get(i)));
                statements.add(sql);
            }
        }
        return new Migration(version, description, kind, Checksums.ofStatements(statements), desiredDigest, steps);
    }

    /**
     * A plan as batches: a phase whose steps may all run in a transaction is one batch; any other phase
     * runs step by step, because one {@code CREATE INDEX CONCURRENTLY} forbids the transaction for all.
     */
    public static List<Batch> batches(MigrationPlan plan) {
        List<Batch> out = new ArrayList<>();
        for (Phase phase : plan.phases()) {
            if (phase.transactional()) {
                out.add(new Batch(phase.steps().stream().map(Step::sql).toList(), true,
                        phase.steps().stream().map(s -> new Undo(s.reverse(), null)).toList()));
            } else {
                phase.steps().forEach(s -> out.add(new Batch(List.of(s.sql()), s.transactional(),
                        List.of(new Undo(s.reverse(), null)))));
            }
        }
        return out;
    }

    public int statementCount() {
        return steps.size();
    }
}

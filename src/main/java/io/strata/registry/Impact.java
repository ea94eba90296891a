package io.strata.registry;

import io.strata.compat.CompatibilityResult;
import io.strata.compat.Finding;

import java.util.List;

/**
 * An Impact is what a proposed change of one subject does downstream.
 *
 * @param check      the change checked at the subject's own level
 * @param readerBreaks the findings that break whoever reads the subject (old readers, or old consumers of data
 *                   written with the new schema)
 * @param downstream every subject that reads or derives from it, directly or through others, nearest first
 */
public record Impact(String subject, String from, CompatibilityResult check, List<Finding> readerBreaks,
                     List<Downstream> downstream) {

    /**
     * One subject downstream.
     *
     * @param path     the subjects from the changed one to this one, both included
     * @param kind     how this subject depends on the previous one in the path ({@code READS}, {@code DERIVES_FROM})
     * @param breaks   whether the change breaks it
     * @param reason   why it breaks or why not
     */
    public record Downstream(String subject, String kind, List<String> path, boolean breaks, String reason) {
    }
}

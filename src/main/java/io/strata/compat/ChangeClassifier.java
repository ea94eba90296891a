package io.strata.compat;

import io.strata.model.change.SchemaChange;

import java.util.List;

/**
 * A ChangeClassifier is the one compatibility primitive of a format: it classifies the changes from
 * version X to version Y by their effect on each role. {@link Levels} composes the levels from it, through
 * {@link CompatibilityChecker}.
 */
@FunctionalInterface
public interface ChangeClassifier {

    /** One or more findings per change, in change order. */
    List<Finding> classify(List<SchemaChange> changes);
}

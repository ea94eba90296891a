package io.strata.compat;

import io.strata.model.change.SchemaChange;

import java.util.List;
import java.util.Objects;

/**
 * LabelledChanges are the changes from one version to another, with the versions' labels (file names).
 *
 * @param from    label of the earlier version
 * @param to      label of the later version
 * @param changes the differences from {@code from} to {@code to}, never null
 */
public record LabelledChanges(String from, String to, List<SchemaChange> changes) {
    public LabelledChanges {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        changes = List.copyOf(changes);
    }
}

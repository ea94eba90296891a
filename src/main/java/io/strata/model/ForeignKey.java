package io.strata.model;

import java.util.List;

/**
 * A ForeignKey from columns of one table to columns of a referenced table.
 *
 * @param onUpdate   referential action: {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}
 * @param onDelete   referential action, as for {@code onUpdate}
 * @param deferrable PostgreSQL: {@code NOT DEFERRABLE}, {@code DEFERRABLE INITIALLY IMMEDIATE} or {@code DEFERRABLE INITIALLY DEFERRED}
 */
public record ForeignKey(String name, List<String> columns, String refSchema, String refTable,
                         List<String> refColumns, String onUpdate, String onDelete, String deferrable) {
    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }
}

package io.strata.model;

import java.util.Objects;

/**
 * A DefinedObject is a function, procedure, trigger, policy, row-level security switch, grant or event: an object
 * whose whole meaning is the definition the server prints for it. Two versions are the same object when kind,
 * table and name match, and unchanged when the server prints the same definition, which is why SQL sources are
 * replayed on a server of the target's major version before they are compared.
 *
 * @param kind       what it is
 * @param name       its name within the schema: a routine's signature ({@code total(integer)}), a trigger's or
 *                   policy's name, a grant's {@code privilege to grantee}, an event's name
 * @param table      the table (or view) it belongs to: triggers, policies, row-level security, grants on a table; else null
 * @param definition the statement that creates it as the server prints it ({@code pg_get_functiondef},
 *                   {@code pg_get_triggerdef}, {@code SHOW CREATE ...}), normalized only where the server's text
 *                   carries no meaning (definer, trailing whitespace)
 */
public record DefinedObject(ObjectKind kind, String name, String table, String definition) {

    public DefinedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        definition = definition == null ? "" : definition;
    }

    /** What identifies the object within its schema across versions. */
    public String identity() {
        return kind + ":" + (table == null ? "" : table + ".") + name;
    }

    /**
     * {@code table.name}, or the name alone for an object of the schema itself or one named after its table
     * (PostgreSQL's row-level security switch of table {@code orders} is located at {@code orders}).
     */
    public String objectName() {
        return table == null || table.equals(name) ? name : table + "." + name;
    }
}

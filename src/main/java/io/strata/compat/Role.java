package io.strata.compat;

/**
 * A Role is one kind of client whose queries a schema change can break. For relational schemas, "old"
 * clients are applications built for the previous schema running against the new one; "new" clients are
 * applications built for the new schema running against the previous one (they deploy first, or the
 * database rolls back under them).
 */
public enum Role {
    OLD_READER("old reader", "OR"),
    OLD_WRITER("old writer", "OW"),
    NEW_READER("new reader", "NR"),
    NEW_WRITER("new writer", "NW");

    private final String label;
    private final String abbreviation;

    Role(String label, String abbreviation) {
        this.label = label;
        this.abbreviation = abbreviation;
    }

    /** Lower-case words for messages: {@code old reader}. */
    public String label() {
        return label;
    }

    /** Two letters for tables: {@code OR}, {@code OW}, {@code NR}, {@code NW}. */
    public String abbreviation() {
        return abbreviation;
    }
}

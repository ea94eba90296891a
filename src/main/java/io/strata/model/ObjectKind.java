package io.strata.model;

/**
 * The kinds of {@link DefinedObject}: objects the server keeps as a definition rather than as rows and columns.
 * Functions, procedures, triggers, policies and grants exist on both dialects (MySQL has no policies); events
 * are MySQL's scheduled statements; {@code ROW_SECURITY} is PostgreSQL's per-table switch that makes policies apply.
 */
public enum ObjectKind {
    FUNCTION("function"),
    PROCEDURE("procedure"),
    TRIGGER("trigger"),
    POLICY("policy"),
    ROW_SECURITY("row-level security"),
    GRANT("grant"),
    EVENT("event");

    private final String noun;

    ObjectKind(String noun) {
        this.noun = noun;
    }

    /** How messages name the kind: "function", "row-level security". */
    public String noun() {
        return noun;
    }
}

package io.strata.source;

/**
 * SourceOptions says how to read SQL sources.
 *
 * @param dialect {@code postgres} or {@code mysql}, or null to take it from the dev URL (else postgres)
 * @param devUrl  JDBC URL of the scratch server SQL sources are replayed on, or null for the dialect's default
 */
public record SourceOptions(String dialect, String devUrl) {
    public static SourceOptions defaults() {
        return new SourceOptions(null, null);
    }
}

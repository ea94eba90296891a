package io.strata.source;

/**
 * SourceOptions says how to read SQL sources.
 *
 * @param dialect       {@code postgres} or {@code mysql}, or null to take it from the dev URL (else postgres)
 * @param devUrl        JDBC URL of the scratch server SQL sources are replayed on, or null for the dialect's default
 * @param serverVersion the version of the server the SQL is meant for ({@code --server-version}), or null to take it
 *                      from the live database the sources are compared with, if any
 */
public record SourceOptions(String dialect, String devUrl, String serverVersion) {

    public SourceOptions(String dialect, String devUrl) {
        this(dialect, devUrl, null);
    }

    public static SourceOptions defaults() {
        return new SourceOptions(null, null);
    }

    /** These options for SQL meant for a server of {@code version} (null: as before). */
    public SourceOptions withServerVersion(String version) {
        return version == null ? this : new SourceOptions(dialect, devUrl, version);
    }
}

package io.strata.api;

/**
 * ServerSettings are how {@code strata serve} listens.
 *
 * @param port         0 for any free port
 * @param maxBodyBytes the largest request body accepted (1 MiB by default)
 * @param tls          the certificate and key to serve HTTPS with, or null for plain HTTP
 */
public record ServerSettings(String host, int port, long maxBodyBytes, TlsIdentity tls) {

    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    public ServerSettings {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the body limit must be positive, got " + maxBodyBytes);
        }
    }

    /** Plain HTTP. */
    public ServerSettings(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, null);
    }

    /** {@code https} when serving TLS, else {@code http}. */
    public String scheme() {
        return tls == null ? "http" : "https";
    }
}

package io.strata.rollout;

import io.strata.dialect.ConnectionTimeouts;
import io.strata.dialect.Dialect;
import io.strata.dialect.Dialects;
import io.strata.dialect.UrlParameters;
import io.strata.error.StrataException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

/**
 * TargetConnections is how this server reaches environments' databases: with the password the environment's
 * credentials reference resolves to (a {@code file:} only inside the server's {@link SecretsDirectory}), only with
 * the driver parameters its dialect allows, and with driver timeouts, so that a target that accepts a connection
 * and never answers fails a check in seconds.
 */
public final class TargetConnections {

    private final SecretsDirectory secrets;

    public TargetConnections(SecretsDirectory secrets) {
        this.secrets = secrets;
    }

    /**
     * A connection for a check (health, drift, reachability, a rollout's history), bounded by
     * {@link ConnectionTimeouts#PROBE}. An unreachable target is an UNREACHABLE {@code StrataException}, a
     * reference that does not resolve a {@link CredentialsRef.CredentialsException}.
     */
    public Connection probe(Environment environment) {
        // Through the dialect's URL, as apply connects: a jdbc:mysql: URL is served by the MariaDB driver.
        return Dialects.byName(environment.dialect()).open(authenticatedUrl(environment), ConnectionTimeouts.PROBE);
    }

    /**
     * The environment's URL with the password its reference resolves to, for one connection: never stored, and
     * redacted in messages ({@code JdbcUrls.redact}). A URL rather than connection properties, because the apply
     * and rollback use cases take a URL; both drivers read {@code password} from either.
     */
    String authenticatedUrl(Environment environment) {
        String url = environment.url();
        // Checked again at each connection: an environment stored before its driver's allow-list was is held to it too.
        checkUrl(environment.name(), url, Dialects.byName(environment.dialect()));
        return resolve(environment.credentials()).map(password -> url + (url.contains("?") ? "&" : "?") + "password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)).orElse(url);
    }

    /** Refuses (BAD_INPUT) an environment URL with hosts or driver parameters its dialect does not accept. */
    static void checkUrl(String environment, String url, Dialect dialect) {
        try {
            UrlParameters.check(url, dialect.environmentUrlParameters());
        } catch (StrataException e) {
            throw StrataException.badInput("the URL of environment \"" + environment + "\" is refused: " + e.getMessage());
        }
    }

    /** The password {@code credentials} resolve to on this server; see {@link CredentialsRef#resolve}. */
    java.util.Optional<String> resolve(CredentialsRef credentials) {
        return credentials.resolve(secrets);
    }
}

package io.strata.cli;

import io.strata.api.AccessSettings;
import io.strata.api.ApiServer;
import io.strata.api.ServerSettings;
import io.strata.api.TlsIdentity;
import io.strata.security.OidcSettings;
import io.strata.app.Registry;
import io.strata.events.Cidr;
import io.strata.events.WebhookSettings;
import io.strata.rollout.SecretsDirectory;
import io.strata.rollout.drift.DriftSchedule;
import io.strata.error.StrataException;
import io.strata.security.OidcVerifier;
import io.strata.security.TokenVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * ServeCommand is {@code strata serve}: the registry's REST API, the Confluent-compatible API, health and
 * metrics, over the embedded store (an H2 file under {@code ./.strata/}) or a PostgreSQL store, and checks every
 * environment for drift on a schedule. It runs until stopped (Ctrl-C or SIGTERM), closing the schedule, the
 * server and the store on the way out.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the schema registry server (REST API under /api/v1, Confluent-compatible API under /ccompat) and check every environment for drift on a schedule.")
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}, this "
            + "machine only). Any other address (0.0.0.0, ::, a LAN address) needs --tls-cert and --tls-key, or --insecure-http.")
    String host;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain to serve HTTPS with: the server's "
            + "certificate first, then its issuers. Goes with --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert: unencrypted PKCS#8 "
            + "(BEGIN PRIVATE KEY) or PKCS#1 RSA (BEGIN RSA PRIVATE KEY); RSA or EC.")
    Path tlsKey;

    @Option(names = "--insecure-http", description = "Serve plain HTTP on a --host other than loopback (credentials and "
            + "schemas then cross the network unencrypted).")
    boolean insecureHttp;

    @Option(names = "--oidc-issuer", paramLabel = "URL", description = "Accept bearer tokens of this OpenID Connect issuer "
            + "(https; its discovery document and keys are fetched from it).")
    String oidcIssuer;

    @Option(names = "--oidc-audience", paramLabel = "AUD", description = "The audience (aud) an OIDC token must name "
            + "(default: any audience of the issuer).")
    String oidcAudience;

    @Option(names = "--oidc-roles-claim", paramLabel = "CLAIM", description = "The token claim whose values strata-ROLE "
            + "(viewer, developer, releaser, admin) and team:NAME give the role and teams (default: groups).")
    String oidcRolesClaim;

    /** The OIDC issuer whose tokens are accepted, or null when none was named. */
    OidcSettings oidc;

    @Option(names = "--store-url", defaultValue = "${env:STRATA_STORE_URL}",
            description = "PostgreSQL JDBC URL of the store (default: $STRATA_STORE_URL, else an H2 file under --store-dir).")
    String storeUrl;

    @Option(names = "--store-dir", defaultValue = ".strata", description = "Directory of the embedded store (default: ${DEFAULT-VALUE}).")
    Path storeDir;

    @Option(names = "--max-body", defaultValue = "1048576", description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--client-expiry", defaultValue = "60", description = "Seconds after its last heartbeat that a client stops counting as live (default: ${DEFAULT-VALUE}).")
    long clientExpirySeconds;

    @Option(names = "--lease-seconds", defaultValue = "15", description = "How long this server's claim on an environment of a "
            + "rollout holds without renewal; another server sharing the store takes the environment over after it (default: ${DEFAULT-VALUE}).")
    long leaseSeconds;

    @Option(names = "--drift-interval", defaultValue = "600", paramLabel = "<seconds>",
            description = "Seconds between scheduled drift checks of every environment; 0 turns them off (default: ${DEFAULT-VALUE}).")
    long driftIntervalSeconds;

    @Option(names = "--metrics-open", description = "Serve /metrics without credentials, for a scraper that cannot send a key.")
    boolean metricsOpen;

    @Option(names = "--mysql-dev-url", defaultValue = "${env:STRATA_MYSQL_DEV_URL}",
            description = "Scratch MySQL/MariaDB database on which SQL subjects of the mysql dialect are replayed.")
    String mysqlDevUrl;

    @Option(names = "--webhook-allow", paramLabel = "<cidr>", description = "Address block (10.1.0.0/16, 127.0.0.1/32, "
            + "fd00::/8) that webhooks may reach although it is loopback, private, link-local or this server's own; "
            + "repeatable. Without it such destinations are refused.")
    List<String> webhookAllow = new ArrayList<>();

    @Option(names = "--secrets-dir", paramLabel = "DIR", description = "The only directory whose files an environment's "
            + "file: credentials reference may name (default: none, so file: references are refused).")
    Path secretsDir;

    @Override
    public Integer call() throws InterruptedException {
        if (driftIntervalSeconds < 0) {
            throw StrataException.badInput("--drift-interval must be 0 (no scheduled drift check) or a number of seconds, not "
                    + driftIntervalSeconds);
        }
        TlsIdentity tls = listening();
        oidc = oidcSettings();
        SecretsDirectory secrets = secretsDir == null ? SecretsDirectory.NONE : SecretsDirectory.at(secretsDir);
        Map<String, String> devUrls = new HashMap<>();
        if (mysqlDevUrl != null && !mysqlDevUrl.isBlank()) {
            devUrls.put("mysql", mysqlDevUrl);
        }
        long started = System.nanoTime();
        // Start-up is mostly class loading: the web server's classes load on one core while the store opens on the other.
        Thread preload = new Thread(ApiServer::preload, "strata-preload");
        preload.setDaemon(true);
        preload.start();
        WebhookSettings webhooks = WebhookSettings.defaults().allowing(webhookAllow.stream().map(Cidr::parse).toList());
        Registry registry = Registry.open(storeUrl, storeDir, devUrls, webhooks, secrets);
        preload.join();
        registry.clients().expireAfter(java.time.Duration.ofSeconds(Math.max(1, clientExpirySeconds)));
        registry.rollouts().start(java.time.Duration.ofSeconds(Math.max(1, leaseSeconds)));
        java.util.Optional<String> adminKey;
        ApiServer server;
        try {
            adminKey = AdminBootstrap.forServer(registry, storeDir, System.getenv(AdminBootstrap.ENV));
            server = ApiServer.start(registry, new ServerSettings(host, port, maxBody, tls),
                    new AccessSettings(oidc == null ? TokenVerifier.NONE : new OidcVerifier(oidc), metricsOpen));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        DriftSchedule driftSchedule = DriftSchedule.start(registry.environments(), registry.drift(), driftIntervalSeconds);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            driftSchedule.close();
            server.close();
            registry.close();
            stopped.countDown();
        }, "strata-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        // Before the listening line, which is what scripts wait for.
        registry.createdMasterKey().ifPresent(key -> out.printf("strata serve: created the master key file %s (mode 0600),"
                + " which seals stored secrets: back it up apart from the store, or set STRATA_MASTER_KEY instead%n", key));
        String scheme = tls == null ? "http" : "https";
        out.printf("strata serve: listening on %s://%s:%d (store: %s %s) in %d ms%n", scheme, host, server.port(),
                registry.storeKind(), registry.storeUrl(), (System.nanoTime() - started) / 1_000_000);
        out.printf("  REST API:    %s://localhost:%d/api/v1/schemas   OpenAPI: /api/v1/openapi.json%n", scheme, server.port());
        out.printf("  Confluent:   %s://localhost:%d/ccompat          health: /health   metrics: /metrics%n", scheme, server.port());
        if (tls != null) {
            out.printf("  TLS:         certificate %s%n", tls.subject());
        }
        out.printf("  Drift:       %s%n", driftSchedule.running() ? "every environment checked every " + driftIntervalSeconds + " s"
                : "no scheduled check (--drift-interval 0)");
        adminKey.ifPresent(out::println);
        out.flush();
        stopped.await();
        return 0;
    }

    /**
     * The TLS identity to serve with, or null for plain HTTP; refuses a listening address beyond this machine
     * without TLS unless {@code --insecure-http} says so.
     */
    private TlsIdentity listening() {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw StrataException.badInput(tlsCert == null ? "--tls-key needs --tls-cert (the certificate of that key)"
                    : "--tls-cert needs --tls-key (the private key of that certificate)");
        }
        if (tlsCert != null && insecureHttp) {
            throw StrataException.badInput("--insecure-http contradicts --tls-cert and --tls-key: give one or the other");
        }
        if (tlsCert == null && !insecureHttp && !loopback(host)) {
            throw StrataException.badInput("--host " + host + " listens beyond this machine: give --tls-cert FILE and --tls-key FILE "
                    + "to serve HTTPS, or --insecure-http to serve plain HTTP anyway");
        }
        if (insecureHttp && !loopback(host)) {
            spec.commandLine().getErr().println("strata serve: warning: plain HTTP on " + host + " (--insecure-http): API keys, "
                    + "tokens and schemas cross the network unencrypted");
        }
        return tlsCert == null ? null : TlsIdentity.fromPem(tlsCert, tlsKey);
    }

    /** Whether every address {@code host} names is a loopback one (so nothing beyond this machine reaches it). */
    private static boolean loopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            throw StrataException.badInput("--host " + host + " is not an address or a known host name");
        }
    }

    private OidcSettings oidcSettings() {
        if (oidcIssuer == null || oidcIssuer.isBlank()) {
            if (oidcAudience != null || oidcRolesClaim != null) {
                throw StrataException.badInput((oidcAudience != null ? "--oidc-audience" : "--oidc-roles-claim")
                        + " needs --oidc-issuer (the issuer whose tokens to accept)");
            }
            return null;
        }
        try {
            return OidcSettings.of(oidcIssuer, oidcAudience, oidcRolesClaim);
        } catch (StrataException e) {
            throw StrataException.badInput("--oidc-issuer: " + e.getMessage());
        }
    }
}

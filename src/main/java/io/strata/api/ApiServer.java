package io.strata.api;

import io.strata.error.StrataException;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.strata.app.Registry;
import io.strata.security.Authenticator;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * ApiServer is {@code strata serve}'s HTTP server: Strata's REST API, the Confluent-compatible API, health,
 * metrics and the OpenAPI document, over one {@link Registry}. Requests are checked for size, content type and
 * encoding (valid UTF-8 percent-escapes) before any route reads them, and names before a route runs.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Set<String> JSON_TYPES = Set.of("application/json", ConfluentRoutes.MEDIA_TYPE,
            "application/vnd.schemaregistry+json", "application/octet-stream");

    private final Javalin javalin;
    private final List<RouteTable.Route> routes;

    private ApiServer(Javalin javalin, List<RouteTable.Route> routes) {
        this.javalin = javalin;
        this.routes = routes;
    }

    /** Starts serving {@code registry} to holders of its API keys; the caller closes both. */
    public static ApiServer start(Registry registry, ServerSettings settings) {
        return start(registry, settings, AccessSettings.keysOnly());
    }

    /** Starts serving {@code registry} to holders of its API keys and of tokens {@code access} accepts. */
    public static ApiServer start(Registry registry, ServerSettings settings, AccessSettings access) {
        Authenticator authenticator = new Authenticator(registry.keys(), access.tokens(), Clock.systemUTC());
        registry.keys().onRevoke(authenticator);
        Access gate = new Access(authenticator, access);
        ApiMetrics metrics = new ApiMetrics();
        metrics.watchFleet(registry);
        RouteTable[] table = new RouteTable[1];
        Javalin javalin = Javalin.create(config -> {
            config.http.maxRequestSize = settings.maxBodyBytes();
            // Answers are small JSON documents; wrapping every response for gzip cost more than it saved.
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            if (settings.tls() != null) {
                // With a connector of its own, Javalin adds no plain HTTP one: the port speaks TLS only.
                config.jetty.addConnector((server, http) -> tlsConnector(server, http, settings));
            }
            config.routes.before(ctx -> {
                ctx.attribute("strata.start", System.nanoTime());
                RequestNames.checkEncoding(ctx);
                gate.authenticate(ctx);
                checkBody(ctx, settings.maxBodyBytes());
            });
            config.routes.after(ctx -> {
                Long start = ctx.attribute("strata.start");
                var matched = ctx.endpoints().matchedHttpEndpoint();
                String route = matched == null ? "unmatched" : matched.path;
                if (start != null) {
                    metrics.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - start);
                }
            });
            config.routes.exception(Exception.class, ApiErrors::handle);
            // Javalin maps its own HttpResponseException (a body over the limit while reading it) to a plain-text
            // answer unless a handler names that class itself.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404) {
                    ApiErrors.handle(new ApiException(404, "NOT_FOUND", "no route " + ctx.method() + " " + ctx.path()), ctx);
                } else if (e.getStatus() == 405) {
                    ApiErrors.handle(new ApiException(405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path()), ctx);
                } else {
                    ApiErrors.handle(e, ctx);
                }
            });
            config.router.javaLangErrorHandler((res, error) -> {
                LOG.error("a request failed with {}", error.getClass().getSimpleName(), error);
                res.setStatus(500);
                res.setContentType("application/json");
                try {
                    res.getWriter().write(JettyErrors.body(null, 500, "internal error (" + error.getClass().getSimpleName()
                            + "); the server log has the details"));
                } catch (java.io.IOException ignored) {
                    // The client is gone.
                }
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.routes.error(404, "*", ctx -> {
                String written = ctx.res().getContentType();
                if (written == null || !written.contains("json")) {
                    ApiErrors.handle(new ApiException(404, "NOT_FOUND", "no route " + ctx.method() + " " + ctx.path()), ctx);
                }
            });
            config.routes.error(405, "*", ctx -> ApiErrors.handle(new ApiException(405, "METHOD_NOT_ALLOWED",
                    ctx.method() + " is not allowed on " + ctx.path()), ctx));
            RouteTable routeTable = new RouteTable(config.routes, gate);
            new V1Routes(registry, metrics).register(routeTable);
            new KeyRoutes(registry.keys()).register(routeTable);
            new ConfluentRoutes(registry, metrics).register(routeTable);
            new EnvironmentRoutes(registry).register(routeTable);
            new RolloutRoutes(registry).register(routeTable);
            new OpsRoutes(registry, metrics).register(routeTable);
            new WebhookRoutes(registry.webhooks(), metrics).register(routeTable);
            table[0] = routeTable;
        });
        try {
            javalin.start();
        } catch (io.javalin.util.JavalinBindException e) {
            // The usual cause is another server on the port: one line naming it, not Jetty's stack trace.
            throw StrataException.badInput("cannot listen on " + settings.host() + ":" + settings.port()
                    + ": the port is taken (or not allowed); choose another with --port");
        }
        return new ApiServer(javalin, table[0].registered());
    }

    /**
     * Refuses a body over the limit (by its declared length, before reading it) and a body that is not JSON:
     * a 413 or 415 with the error body, so nothing behind it runs.
     */
    private static void checkBody(Context ctx, long limit) {
        HandlerType method = ctx.method();
        if (method != HandlerType.POST && method != HandlerType.PUT) {
            return;
        }
        long length = ctx.contentLength();
        if (length > limit) {
            throw new ApiException(413, "PAYLOAD_TOO_LARGE", "the request body is " + length + " bytes; the limit is " + limit);
        }
        // The header as sent: Jetty's parsed content type throws on a charset the JVM does not know, and Javalin
        // decodes even an empty body with the declared charset.
        String type = ctx.header("Content-Type") == null ? "" : ctx.header("Content-Type");
        String[] parts = type.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.regionMatches(true, 0, "charset=", 0, 8) && !supported(parameter.substring(8))) {
                throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "charset \"" + parameter.substring(8)
                        + "\" is not supported; send UTF-8");
            }
        }
        String base = parts.length == 0 ? "" : parts[0].trim().toLowerCase(Locale.ROOT);
        if (length != 0 && !JSON_TYPES.contains(base)) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "content type \"" + type + "\" is not accepted; send application/json");
        }
    }

    private static boolean supported(String charset) {
        String name = charset.trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        try {
            return Charset.isSupported(name);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    private static ServerConnector tlsConnector(Server server, HttpConfiguration http, ServerSettings settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(settings.tls().keyStore());
        ssl.setKeyStorePassword(settings.tls().password());
        ssl.setKeyManagerPassword(settings.tls().password());
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients reach a server by address or alias as often as by the certificate's name; they check the name themselves.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    /**
     * Loads the web server's classes (Jetty, Javalin, Jackson, Micrometer) without serving anything. Start-up
     * is mostly class loading; {@code strata serve} runs this on a second core while the store opens.
     */
    public static void preload() {
        Javalin.create(config -> config.startup.showJavalinBanner = false);
        new ApiMetrics().scrape();
        JsonBodies.JSON.createObjectNode();
    }

    public int port() {
        return javalin.port();
    }

    /** The routes served, for the OpenAPI comparison. */
    public List<String> routes() {
        return routes.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** The least role each route needs ({@code METHOD PATH} to the role's name, {@code open} for none), for the authorization matrix. */
    public Map<String, String> roles() {
        Map<String, String> out = new LinkedHashMap<>();
        routes.forEach(r -> out.put(r.method() + " " + r.path(), r.role() == null ? "open" : r.role().label()));
        return out;
    }

    @Override
    public void close() {
        javalin.stop();
    }
}

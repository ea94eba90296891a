package io.strata.api;

import io.strata.testing.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.strata.app.Registry;
import io.strata.audit.EventNames;
import io.strata.events.Cidr;
import io.strata.events.WebhookSettings;
import io.strata.events.WebhookSignature;
import io.strata.events.Webhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks cannot be turned against the server's host: destinations on loopback (by address or by name), the
 * server's own API, link-local (the cloud metadata address) and private networks are refused when the webhook is
 * created, and again at each delivery; an allowed loopback receiver gets signed deliveries; redirects are not
 * followed; and the delivery log tells a closed port from one that answers garbage no better than by a class.
 */
class WebhookDestinationsTest {

    private static final String SECRET = "dest-secret-41";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** A server with the default settings: no internal destination allowed. */
    private static Registry strict;
    private static ApiServer strictServer;
    /** A server allowing 127.0.0.1/32, where the test's receivers are. */
    private static Registry allowing;
    private static ApiServer allowingServer;
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger redirectTargetHits = new AtomicInteger();
    private static final List<Socket> held = new CopyOnWriteArrayList<>();
    private static ServerSocket garbage;
    private static ServerSocket silent;

    @BeforeAll
    static void start() throws Exception {
        strict = Registry.open(null, Files.createTempDirectory("strata-dest-strict"), Map.of());
        strictServer = TestKeys.serve(strict, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        WebhookSettings settings = new WebhookSettings(Duration.ofMillis(20), 2, Duration.ofSeconds(2), 2,
                List.of(Cidr.parse("127.0.0.1/32")));
        allowing = Registry.open(null, Files.createTempDirectory("strata-dest-allowing"), Map.of(), settings);
        allowingServer = TestKeys.serve(allowing, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (WebhookSignature.of(SECRET, body).equals(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/redirect", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", receiverUrl("/redirected"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/redirected", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        garbage = listen(socket -> {
            // Accepts, answers bytes that are not HTTP, hangs up.
            try (socket; OutputStream out = socket.getOutputStream()) {
                out.write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
        // Accepts and never answers.
        silent = listen(held::add);
    }

    @AfterAll
    static void stop() throws IOException {
        for (Socket s : held) {
            s.close();
        }
        garbage.close();
        silent.close();
        receiver.stop(0);
        strictServer.close();
        strict.close();
        allowingServer.close();
        allowing.close();
    }

    @Test
    void internalDestinationsAreRefusedAtCreationNamingTheHostAndWhy() throws Exception {
        int hooksBefore = hooks(strictServer).size();
        int auditBefore = auditLength(strictServer);
        int api = strictServer.port();
        List<String[]> cases = new ArrayList<>(List.of(
                new String[]{receiverUrl("/ok"), "webhook URL host \"127.0.0.1\" is a loopback address; allow it with"
                        + " --webhook-allow 127.0.0.1/32"},
                new String[]{"http://localhost:" + receiver.getAddress().getPort() + "/ok", "webhook URL host \"localhost\""
                        + " resolves to "},
                new String[]{"http://127.0.0.1:" + api + "/api/v1/schemas", "\"127.0.0.1\" is a loopback address"},
                new String[]{"http://169.254.169.254/latest/meta-data/", "\"169.254.169.254\" is a link-local address"},
                new String[]{"http://10.0.0.1/hook", "\"10.0.0.1\" is a private address"},
                new String[]{"http://[::1]:" + api + "/", "\"[::1]\" is a loopback address"},
                new String[]{"http://0.0.0.0:" + api + "/", "\"0.0.0.0\" is an any-local address"},
                new String[]{"https://admin:pw-9931@hooks.example.com/in", "user:pass@"}));
        // The server's own API on an address of one of its interfaces other than loopback, when it has one.
        nonLoopbackAddress().ifPresent(own -> cases.add(new String[]{"http://" + own.getHostAddress() + ":" + api
                + "/api/v1/schemas", "webhook URL host \"" + own.getHostAddress() + "\" is "}));
        for (String[] c : cases) {
            JsonNode error = HttpJson.send(api, "POST", "/api/v1/webhooks", Map.of("url", c[0], "secret", SECRET,
                    "events", List.of(EventNames.SCHEMA_REGISTERED)), 422).path("error");
            assertThat(error.path("code").asText()).as(c[0]).isEqualTo("INVALID_WEBHOOK");
            assertThat(error.path("message").asText()).as(c[0]).contains(c[1]).doesNotContain("pw-9931");
            if (!c[1].equals("user:pass@")) {
                assertThat(error.path("message").asText()).as(c[0]).contains("; allow it with --webhook-allow ");
            }
        }
        assertThat(hooks(strictServer)).hasSize(hooksBefore);
        assertThat(auditLength(strictServer)).isEqualTo(auditBefore);
        // A public destination is accepted by the same server: the refusals above are about the addresses.
        long ok = HttpJson.send(api, "POST", "/api/v1/webhooks", Map.of("url", "https://8.8.8.8/hook", "secret", SECRET,
                "events", List.of(EventNames.SCHEMA_REGISTERED)), 201).path("id").asLong();
        HttpJson.send(api, "DELETE", "/api/v1/webhooks/" + ok, null, 200);
    }

    @Test
    void anAllowedLoopbackReceiverGetsSignedDeliveries() throws Exception {
        long hook = subscribe(receiverUrl("/ok"), EventNames.DRIFT_DETECTED);
        try {
            allowing.webhooks().publish(EventNames.DRIFT_DETECTED, Map.of("environment", "allowed-ok"));
            List<JsonNode> log = awaitLog(hook, l -> !l.isEmpty());
            assertThat(log.get(0).path("outcome").asText()).isEqualTo("success");
            assertThat(log.get(0).path("statusCode").asInt()).isEqualTo(204);
            assertThat(received).anySatisfy(body -> assertThat(body).contains("allowed-ok"));
        } finally {
            HttpJson.send(allowingServer.port(), "DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    @Test
    void eachDeliveryChecksTheDestinationAgain() throws Exception {
        long hook = subscribe(receiverUrl("/ok"), EventNames.MIGRATION_FAILED);
        // The same store delivered by a server that no longer allows loopback (as if the allow-list was dropped, or
        // the name now resolves elsewhere): the attempt is refused before anything is sent, and not retried.
        try (Webhooks stricter = new Webhooks(allowing.store().webhookStore(), WebhookSettings.defaults())) {
            stricter.publish(EventNames.MIGRATION_FAILED, Map.of("environment", "recheck"));
            List<JsonNode> log = awaitLog(hook, l -> !l.isEmpty());
            assertThat(log).hasSize(1);
            assertThat(log.get(0).path("outcome").asText()).isEqualTo("failed");
            assertThat(log.get(0).path("statusCode").isNull()).isTrue();
            assertThat(log.get(0).path("error").asText()).isEqualTo("refused-destination: webhook URL host \"127.0.0.1\" is"
                    + " a loopback address; allow it with --webhook-allow 127.0.0.1/32");
            assertThat(received).noneSatisfy(body -> assertThat(body).contains("recheck"));
        } finally {
            HttpJson.send(allowingServer.port(), "DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    @Test
    void aClosedPortAndAPortAnsweringGarbageLogTheSameClassAndNoSocketText() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        long closed = subscribe("http://127.0.0.1:" + closedPort + "/hook", EventNames.MIGRATION_COMPLETED);
        long garbled = subscribe("http://127.0.0.1:" + garbage.getLocalPort() + "/hook", EventNames.MIGRATION_COMPLETED);
        long quiet = subscribe("http://127.0.0.1:" + silent.getLocalPort() + "/hook", EventNames.MIGRATION_COMPLETED);
        try {
            allowing.webhooks().publish(EventNames.MIGRATION_COMPLETED, Map.of("environment", "ports"));
            Predicate<List<JsonNode>> done = l -> l.stream().anyMatch(d -> d.path("outcome").asText().equals("failed"));
            List<JsonNode> closedLog = awaitLog(closed, done);
            List<JsonNode> garbledLog = awaitLog(garbled, done);
            List<JsonNode> quietLog = awaitLog(quiet, done);
            for (List<JsonNode> log : List.of(closedLog, garbledLog)) {
                assertThat(log).hasSize(2).allSatisfy(d -> {
                    assertThat(d.path("statusCode").isNull()).isTrue();
                    assertThat(d.path("error").asText()).isEqualTo("connection-failed: no HTTP answer from the receiver");
                });
            }
            assertThat(quietLog).hasSize(2).allSatisfy(d ->
                    assertThat(d.path("error").asText()).isEqualTo("timeout: no answer within 2000 ms"));
        } finally {
            for (long hook : new long[]{closed, garbled, quiet}) {
                HttpJson.send(allowingServer.port(), "DELETE", "/api/v1/webhooks/" + hook, null, 200);
            }
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        long hook = subscribe(receiverUrl("/redirect"), EventNames.SCHEMA_REGISTERED);
        try {
            allowing.webhooks().publish(EventNames.SCHEMA_REGISTERED, Map.of("subject", "redirected"));
            List<JsonNode> log = awaitLog(hook, l -> l.stream().anyMatch(d -> d.path("outcome").asText().equals("failed")));
            assertThat(log).allSatisfy(d -> {
                assertThat(d.path("statusCode").asInt()).isEqualTo(302);
                assertThat(d.path("error").asText()).isEqualTo("3xx: the receiver answered 302");
            });
            assertThat(redirectTargetHits.get()).isZero();
        } finally {
            HttpJson.send(allowingServer.port(), "DELETE", "/api/v1/webhooks/" + hook, null, 200);
        }
    }

    // ---- helpers

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static long subscribe(String url, String event) throws Exception {
        return HttpJson.send(allowingServer.port(), "POST", "/api/v1/webhooks", Map.of("url", url, "secret", SECRET,
                "events", List.of(event)), 201).path("id").asLong();
    }

    private static List<JsonNode> hooks(ApiServer server) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        HttpJson.send(server.port(), "GET", "/api/v1/webhooks", null, 200).path("webhooks").forEach(out::add);
        return out;
    }

    private static int auditLength(ApiServer server) throws Exception {
        return HttpJson.send(server.port(), "GET", "/api/v1/audit?limit=1000", null, 200).path("events").size();
    }

    /** Polls the allowing server's delivery log of {@code hook} (newest first) until {@code done} holds. */
    private static List<JsonNode> awaitLog(long hook, Predicate<List<JsonNode>> done) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        List<JsonNode> log = new ArrayList<>();
        while (System.nanoTime() < end) {
            log = new ArrayList<>();
            HttpJson.send(allowingServer.port(), "GET", "/api/v1/webhooks/" + hook + "/deliveries", null, 200)
                    .path("deliveries").forEach(log::add);
            if (done.test(log)) {
                return log;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the delivery log of webhook " + hook + " did not settle within " + DEADLINE + ": " + log);
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    }

    /** A loopback listener handing each accepted connection to {@code handler}, on a daemon thread. */
    private static ServerSocket listen(SocketHandler handler) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    handler.handle(socket.accept());
                } catch (IOException e) {
                    // Closed at the end of the class, or one connection failed: either way, on to the next.
                }
            }
        }, "test-listener-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        return socket;
    }

    @FunctionalInterface
    private interface SocketHandler {
        void handle(Socket socket) throws IOException;
    }
}

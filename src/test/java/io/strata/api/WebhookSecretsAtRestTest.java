package io.strata.api;

import io.strata.testing.TestKeys;
import com.sun.net.httpserver.HttpServer;
import io.strata.app.Registry;
import io.strata.audit.EventNames;
import io.strata.events.Cidr;
import io.strata.events.Delivery;
import io.strata.events.WebhookSettings;
import io.strata.events.WebhookSignature;
import io.strata.registry.SchemaParser;
import io.strata.security.MasterKey;
import io.strata.security.MasterKeys;
import io.strata.security.SecretBox;
import io.strata.store.StoreDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook secrets at rest: a secret given through the API is nowhere in the store file's bytes, yet deliveries
 * after a restart are signed with it; secrets older versions stored in clear are sealed when the store opens; a
 * rotated master key reseals them; a server without the sealing key says which key it lacks and still lists the
 * webhook.
 */
class WebhookSecretsAtRestTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final WebhookSettings LOOPBACK = new WebhookSettings(Duration.ofMillis(20), 2, Duration.ofSeconds(5), 2,
            List.of(Cidr.parse("127.0.0.1/32")));

    private static HttpServer receiver;
    /** Deliveries whose signature matched the secret their path expects: {@code secret body}. */
    private static final List<String> signed = new CopyOnWriteArrayList<>();
    /** The secret each receiver path expects; the path never spells the secret, which must appear nowhere stored. */
    private static final Map<String, String> expected = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String secret = expected.getOrDefault(exchange.getRequestURI().getPath(), "");
            if (!secret.isEmpty() && WebhookSignature.of(secret, body).equals(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER))) {
                signed.add(secret + " " + new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void aSecretGivenThroughTheApiIsNotInTheStoreFileAndStillSignsAfterARestart() throws Exception {
        String secret = "at-rest-secret-c0ffee-4b1d";
        Path dir = Files.createTempDirectory("strata-at-rest");
        long hook;
        String url;
        try (Registry registry = Registry.open(null, dir, Map.of(), LOOPBACK);
             ApiServer server = TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY))) {
            assertThat(registry.createdMasterKey()).contains(dir.resolve(MasterKeys.FILE_NAME));
            url = receiverUrl(secret);
            hook = HttpJson.send(server.port(), "POST", "/api/v1/webhooks", Map.of("url", url, "secret", secret,
                    "events", List.of(EventNames.DRIFT_DETECTED)), 201).path("id").asLong();
        }
        byte[] file = Files.readAllBytes(dir.resolve("store.mv.db"));
        // The URL is stored in clear: finding it proves that a string in the store shows in these bytes.
        assertThat(contains(file, url.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(contains(file, secret.getBytes(StandardCharsets.UTF_8))).as("secret in the store file").isFalse();
        assertThat(contains(file, secret.getBytes(StandardCharsets.UTF_16BE))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(MasterKeys.FILE_NAME))))
                .isEqualTo("rw-------");

        try (Registry reopened = Registry.open(null, dir, Map.of(), LOOPBACK)) {
            assertThat(reopened.createdMasterKey()).isEmpty();
            reopened.webhooks().publish(EventNames.DRIFT_DETECTED, Map.of("environment", "after-restart"));
            awaitLog(reopened, hook, l -> !l.isEmpty());
            assertThat(signed).anySatisfy(s -> assertThat(s).startsWith(secret + " ").contains("after-restart"));
        }
    }

    @Test
    void aSecretStoredInClearByAnOlderVersionIsSealedWhenTheStoreOpens() throws Exception {
        Path dir = Files.createTempDirectory("strata-at-rest-legacy");
        SecretBox box = new SecretBox(MasterKey.generate(), List.of());
        long hook;
        try (Registry registry = registry(dir, box)) {
            hook = registry.webhooks().create(receiverUrl("legacy-plain-secret"), "replaced-below",
                    List.of(EventNames.DRIFT_DETECTED), "test").id();
        }
        // What an older version wrote: the secret as it was given.
        try (Connection c = DriverManager.getConnection(StoreDatabase.embeddedUrl(dir));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE strata_webhooks SET secret = 'legacy-plain-secret' WHERE id = " + hook);
        }
        try (Registry registry = registry(dir, box)) {
            assertThat(storedSecret(dir, hook)).startsWith("v1:" + box.currentKeyId() + ":")
                    .doesNotContain("legacy-plain-secret");
            registry.webhooks().publish(EventNames.DRIFT_DETECTED, Map.of("environment", "legacy"));
            awaitLog(registry, hook, l -> !l.isEmpty());
            assertThat(signed).anySatisfy(s -> assertThat(s).startsWith("legacy-plain-secret ").contains("\"legacy\""));
        }
    }

    @Test
    void aRotatedKeyResealsAndAServerWithoutTheKeySaysWhichItLacks() throws Exception {
        Path dir = Files.createTempDirectory("strata-at-rest-rotation");
        MasterKey first = MasterKey.generate();
        MasterKey second = MasterKey.generate();
        long hook;
        try (Registry registry = registry(dir, new SecretBox(first, List.of()))) {
            hook = registry.webhooks().create(receiverUrl("rotated-secret"), "rotated-secret",
                    List.of(EventNames.DRIFT_DETECTED), "test").id();
        }
        try (Registry registry = registry(dir, new SecretBox(second, List.of(first)))) {
            assertThat(storedSecret(dir, hook)).startsWith("v1:" + second.id() + ":");
        }
        // The first key is gone now; what the second sealed still opens.
        try (Registry registry = registry(dir, new SecretBox(second, List.of()))) {
            registry.webhooks().publish(EventNames.DRIFT_DETECTED, Map.of("environment", "rotated"));
            awaitLog(registry, hook, l -> !l.isEmpty());
            assertThat(signed).anySatisfy(s -> assertThat(s).startsWith("rotated-secret ").contains("\"rotated\""));
        }
        MasterKey stranger = MasterKey.generate();
        try (Registry registry = registry(dir, new SecretBox(stranger, List.of()))) {
            assertThat(registry.webhooks().list()).anySatisfy(w -> assertThat(w.id()).isEqualTo(hook));
            registry.webhooks().publish(EventNames.DRIFT_DETECTED, Map.of("environment", "no-key"));
            List<Delivery> log = awaitLog(registry, hook, l -> l.stream().anyMatch(d -> d.error() != null));
            Delivery refused = log.get(0);
            assertThat(refused.outcome()).isEqualTo("failed");
            assertThat(refused.error()).startsWith("secret-unavailable: the secret of webhook/" + hook
                    + " is sealed under master key " + second.id()).doesNotContain("rotated-secret");
            assertThat(signed).noneSatisfy(s -> assertThat(s).contains("no-key"));
        }
    }

    // ---- helpers

    private static Registry registry(Path dir, SecretBox box) {
        return new Registry(StoreDatabase.open(null, dir, box), new SchemaParser(Map.of()), Map.of(), LOOPBACK);
    }

    /** A receiver URL at which deliveries must be signed with {@code secret}. */
    private static String receiverUrl(String secret) {
        String path = "/hook-" + expected.size();
        expected.put(path, secret);
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static String storedSecret(Path dir, long hook) throws Exception {
        try (Connection c = DriverManager.getConnection(StoreDatabase.embeddedUrl(dir));
             PreparedStatement ps = c.prepareStatement("SELECT secret FROM strata_webhooks WHERE id = ?")) {
            ps.setLong(1, hook);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static List<Delivery> awaitLog(Registry registry, long hook, Predicate<List<Delivery>> done) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        List<Delivery> log = List.of();
        while (System.nanoTime() < end) {
            log = registry.webhooks().deliveries(Long.toString(hook), 0, 100);
            if (done.test(log)) {
                return log;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the delivery log of webhook " + hook + " did not settle within " + DEADLINE + ": " + log);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

package io.strata.api;

import io.strata.testing.TestKeys;
import io.strata.app.Registry;
import io.strata.error.StrataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API served over TLS from PEM files: a client trusting the certificate gets answers, plain HTTP to the same
 * port gets none, and key files that cannot serve are refused naming the option.
 */
class TlsServerTest {

    private static Path dir;
    private static Registry registry;
    private static SelfSignedPem rsa;
    private static SelfSignedPem ec;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("strata-tls");
        registry = Registry.open(null, dir.resolve("store"), Map.of());
        rsa = SelfSignedPem.create(dir, "RSA");
        ec = SelfSignedPem.create(dir, "EC");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static ApiServer serve(SelfSignedPem pem, Path keyFile) {
        TlsIdentity tls = TlsIdentity.fromPem(pem.certFile(), keyFile);
        return TestKeys.serve(registry, new ServerSettings("127.0.0.1", 0, ServerSettings.DEFAULT_MAX_BODY, tls));
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(TestKeys.request(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientTrustingTheCertificateIsAnsweredOverHttps() throws Exception {
        try (ApiServer server = serve(rsa, rsa.keyFile())) {
            HttpClient client = HttpClient.newBuilder().sslContext(rsa.trustingIt()).build();
            HttpResponse<String> subjects = get(client, "https://127.0.0.1:" + server.port() + "/api/v1/schemas");
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.body()).contains("\"schemas\"");
            assertThat(subjects.sslSession()).isPresent();
            HttpResponse<String> byName = get(client, "https://localhost:" + server.port() + "/health");
            assertThat(byName.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() throws Exception {
        try (ApiServer server = serve(rsa, rsa.keyFile())) {
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> get(plain, "http://127.0.0.1:" + server.port() + "/api/v1/schemas"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedTheHandshake() throws Exception {
        try (ApiServer server = serve(rsa, rsa.keyFile())) {
            HttpClient trustsOther = HttpClient.newBuilder().sslContext(ec.trustingIt()).build();
            assertThatThrownBy(() -> get(trustsOther, "https://127.0.0.1:" + server.port() + "/health"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anEcKeyServesToo() throws Exception {
        try (ApiServer server = serve(ec, ec.keyFile())) {
            HttpClient client = HttpClient.newBuilder().sslContext(ec.trustingIt()).build();
            assertThat(get(client, "https://127.0.0.1:" + server.port() + "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPkcs1RsaKeyIsReadToo() throws Exception {
        byte[] pkcs8 = rsa.key().getEncoded();
        // PrivateKeyInfo of a 2048-bit key: SEQUENCE (4-byte header), version (3), algorithm (15), OCTET STRING (4) + PKCS#1.
        assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        Path key = Files.writeString(dir.resolve("rsa-pkcs1.pem"), SelfSignedPem.pem("RSA PRIVATE KEY", pkcs1));
        try (ApiServer server = serve(rsa, key)) {
            HttpClient client = HttpClient.newBuilder().sslContext(rsa.trustingIt()).build();
            assertThat(get(client, "https://127.0.0.1:" + server.port() + "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void keyFilesThatCannotServeAreRefusedNamingTheOption() throws Exception {
        assertThatThrownBy(() -> TlsIdentity.fromPem(rsa.certFile(), ec.keyFile()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.code().exitCode()).isEqualTo(2))
                .hasMessageContaining("--tls-key").hasMessageContaining("is not the private key of the certificate");
        Path sec1 = Files.writeString(dir.resolve("ec-sec1.pem"), SelfSignedPem.pem("EC PRIVATE KEY", new byte[] {0x30, 0x00}));
        assertThatThrownBy(() -> TlsIdentity.fromPem(ec.certFile(), sec1))
                .hasMessageContaining("--tls-key").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> TlsIdentity.fromPem(rsa.keyFile(), rsa.keyFile()))
                .hasMessageContaining("--tls-cert").hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> TlsIdentity.fromPem(rsa.certFile(), dir.resolve("missing.pem")))
                .hasMessageContaining("--tls-key").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TlsIdentity.fromPem(rsa.certFile(), rsa.certFile()))
                .hasMessageContaining("--tls-key").hasMessageContaining("holds no PEM private key");
    }
}

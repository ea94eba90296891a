package io.strata.cli;

import io.strata.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata serve}'s options: bad values refused before anything opens (a drift interval, the webhook allow-list, the secrets directory, a
 * listening address beyond this machine without TLS, TLS options that do not go together, OIDC options without an
 * issuer or with a plain-HTTP one); the master key file made on the first start, said where, and kept after.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpDocumentsTheDriftInterval() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--drift-interval=<seconds>", "0 turns them off", "default: 600");
    }

    @Test
    void aTakenPortIsOneLineNamingPortForServeAndDemo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            CliRun serve = CliRun.of("serve", "--port", port, "--store-dir", dir.resolve("store").toString(),
                    "--drift-interval", "0");
            CliRun demo = CliRun.of("demo", "--exit", "--port", port);
            for (CliRun run : List.of(serve, demo)) {
                assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
                assertThat(run.err().strip()).as("one line, no stack trace")
                        .isEqualTo("strata: cannot listen on 127.0.0.1:" + port
                                + ": the port is taken (or not allowed); choose another with --port");
            }
        }
    }

    @Test
    void aNegativeOrNonNumericDriftIntervalIsBadInput() {
        CliRun negative = CliRun.of("serve", "--drift-interval", "-5", "--port", "0");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--drift-interval", "-5");
        CliRun words = CliRun.of("serve", "--drift-interval", "often", "--port", "0");
        assertThat(words.exitCode()).isEqualTo(2);
        assertThat(words.err()).contains("--drift-interval");
    }

    @Test
    void aWebhookAllowThatIsNotAnAddressBlockIsBadInput() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.out()).contains("--webhook-allow=<cidr>", "repeatable");
        CliRun name = CliRun.of("serve", "--webhook-allow", "localhost", "--port", "0", "--store-dir", dir.toString());
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err()).contains("\"localhost\" is not an address block", "127.0.0.1/32");
        CliRun prefix = CliRun.of("serve", "--webhook-allow", "10.0.0.0/40", "--port", "0", "--store-dir", dir.toString());
        assertThat(prefix.exitCode()).isEqualTo(2);
        assertThat(prefix.err()).contains("10.0.0.0/40", "from 0 to 32");
        assertThat(dir.resolve("master.key")).as("nothing opened").doesNotExist();
    }

    @Test
    void theFirstStartCreatesTheMasterKeyFileAndSaysWhere() throws Exception {
        Path key = dir.resolve(".strata").resolve("master.key");
        try (ServerProcess first = ServerProcess.start(dir, List.of(), List.of("--host", "127.0.0.1", "--drift-interval", "0"))) {
            assertThat(first.output()).contains("created the master key file .strata/master.key (mode 0600)");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String created = Files.readString(key);
        try (ServerProcess second = ServerProcess.start(dir, List.of(), List.of("--host", "127.0.0.1", "--drift-interval", "0",
                "--webhook-allow", "127.0.0.1/32", "--webhook-allow", "fd00::/8"))) {
            assertThat(second.output()).doesNotContain("master key");
        }
        assertThat(Files.readString(key)).isEqualTo(created);
    }

    @Test
    void helpSaysTheServerListensOnLoopbackByDefault() {
        CliRun help = CliRun.of("serve", "--help");
        assertThat(help.out()).contains("--host=<host>", "default: 127.0.0.1", "--tls-cert=FILE", "--tls-key=FILE",
                "--insecure-http", "--oidc-issuer=URL");
    }

    @Test
    void listeningBeyondThisMachineWithoutTlsIsRefused(@TempDir Path dir) {
        for (String host : List.of("0.0.0.0", "::")) {
            CliRun run = CliRun.of("serve", "--host", host, "--port", "0", "--store-dir", dir.resolve("store").toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--host " + host, "--tls-cert", "--tls-key", "--insecure-http");
        }
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void tlsOptionsMustGoTogether(@TempDir Path dir) {
        String cert = dir.resolve("cert.pem").toString();
        CliRun certOnly = CliRun.of("serve", "--tls-cert", cert, "--port", "0", "--store-dir", dir.resolve("store").toString());
        assertThat(certOnly.exitCode()).isEqualTo(2);
        assertThat(certOnly.err()).contains("--tls-cert needs --tls-key");
        CliRun both = CliRun.of("serve", "--tls-cert", cert, "--tls-key", cert, "--insecure-http", "--port", "0",
                "--store-dir", dir.resolve("store").toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--insecure-http contradicts");
        CliRun missing = CliRun.of("serve", "--tls-cert", cert, "--tls-key", cert, "--port", "0",
                "--store-dir", dir.resolve("store").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--tls-cert", "does not exist");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void oidcOptionsNeedAnHttpsIssuer(@TempDir Path dir) {
        CliRun audienceOnly = CliRun.of("serve", "--oidc-audience", "strata", "--port", "0", "--store-dir", dir.toString());
        assertThat(audienceOnly.exitCode()).isEqualTo(2);
        assertThat(audienceOnly.err()).contains("--oidc-audience needs --oidc-issuer");
        CliRun plain = CliRun.of("serve", "--oidc-issuer", "http://idp.corp.example/realms/main", "--port", "0",
                "--store-dir", dir.toString());
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("--oidc-issuer", "must use https");
    }

    @Test
    void aSecretsDirectoryThatIsNotADirectoryIsBadInput() throws Exception {
        assertThat(CliRun.of("serve", "--help").out()).contains("--secrets-dir=DIR");
        Path file = Files.createTempFile("strata-not-a-dir", ".txt");
        for (String dir : new String[] {file.toString(), file + "-missing"}) {
            CliRun run = CliRun.of("serve", "--secrets-dir", dir, "--port", "0");
            assertThat(run.exitCode()).as(dir).isEqualTo(2);
            assertThat(run.err()).as(dir).contains("--secrets-dir", dir);
        }
    }
}
